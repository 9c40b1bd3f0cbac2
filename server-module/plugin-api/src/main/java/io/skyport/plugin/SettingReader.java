package io.skyport.plugin;

/** Reads the current value of a setting, as stored by an admin or its default. */
public interface SettingReader {
    <T> T get(Setting<T> setting);

    /** Value for a scope (zone or account id); falls back to the global value. */
    <T> T get(Setting<T> setting, Setting.Scope scope, long scopeId);
}
