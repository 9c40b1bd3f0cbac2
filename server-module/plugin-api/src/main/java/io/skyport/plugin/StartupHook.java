package io.skyport.plugin;

/**
 * Work a module does once the whole server is assembled (every module loaded, the first admin
 * created, recovery done) and before it reports itself started: e.g. seeding a demo zone.
 */
public interface StartupHook {
    /** Lower runs first. */
    default int order() {
        return 100;
    }

    void serverStarted();
}
