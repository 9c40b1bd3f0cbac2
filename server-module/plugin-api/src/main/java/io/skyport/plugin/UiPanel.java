package io.skyport.plugin;

/**
 * A panel of the web UI contributed by a module.
 *
 * @param id       stable id, used in the UI's URL
 * @param title    shown in the navigation
 * @param jsModule path of the panel's ES module, served from the module jar
 * @param role     least role that sees the panel
 */
public record UiPanel(String id, String title, String jsModule, Role role) {
}
