package io.skyport.api.command;

import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import io.skyport.plugin.UiPanel;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

/**
 * The web UI panels the loaded modules contribute (the plugin contract's UiPanel) that the
 * caller's role may see, so the UI shell at /client lists and mounts them through the same API
 * as everything else. A panel's page is the directory of its JS module.
 */
@ApiCommand(name = "listUiPanels", entity = "uipanel",
        description = "Lists the web UI panels contributed by loaded modules that the caller's role may see (Skyport)")
public class ListUiPanels implements ApiOperation {
    private final ModuleRegistry registry;

    public ListUiPanels(ModuleRegistry registry) {
        this.registry = registry;
    }

    /** One panel as the UI shell mounts it. */
    public record UiPanelView(String id, String title, String jsmodule, String url, String role) {
    }

    @Override
    public Object execute(CallContext ctx) {
        List<UiPanelView> out = registry.panels().stream()
                .filter(p -> sees(ctx.role(), p.role()))
                .map(p -> new UiPanelView(p.id(), p.title(), p.jsModule(), pageOf(p), p.role().roleType()))
                .toList();
        return ListResponse.of("uipanel", out);
    }

    /** Roles form a ladder user < domain admin < admin; a panel is for its role and those above. */
    static boolean sees(Role caller, Role least) {
        return rank(caller) >= rank(least);
    }

    private static int rank(Role r) {
        return switch (r) {
            case USER -> 0;
            case DOMAIN_ADMIN -> 1;
            case ADMIN -> 2;
        };
    }

    private static String pageOf(UiPanel p) {
        String js = p.jsModule();
        return js.substring(0, js.lastIndexOf('/') + 1);
    }
}
