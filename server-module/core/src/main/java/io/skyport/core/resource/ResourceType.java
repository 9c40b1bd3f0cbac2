package io.skyport.core.resource;

import io.skyport.plugin.Setting;

/** Counted, limited resources of an account, with their default limits (CloudStack's defaults). */
public enum ResourceType {
    USER_VM("user_vm", 0, 20, "max.account.user.vms"),
    CPU("cpu", 8, 40, "max.account.cpus"),
    MEMORY("memory", 9, 40960, "max.account.memory"),
    VOLUME("volume", 2, 20, "max.account.volumes"),
    PRIMARY_STORAGE("primary_storage", 10, 200, "max.account.primary.storage"),
    PUBLIC_IP("public_ip", 1, 20, "max.account.public.ips"),
    TEMPLATE("template", 4, 20, "max.account.templates"),
    /** Not limited: VM rows not yet expunged (destroyed included), so listings need no COUNT(*). */
    VM_ROWS("vm_rows", -1, -1, null);

    private final String key;
    private final int code;
    private final long defaultLimit;
    private final Setting<Long> limitSetting;

    ResourceType(String key, int code, long defaultLimit, String settingName) {
        this.key = key;
        this.code = code;
        this.defaultLimit = defaultLimit;
        this.limitSetting = settingName == null ? null : Setting.number(settingName, defaultLimit,
                "Default per-account limit of " + key.replace('_', ' '), "Limits", Setting.Scope.ACCOUNT);
    }

    public String key() {
        return key;
    }

    /** CloudStack's numeric resource type. */
    public int code() {
        return code;
    }

    public long defaultLimit() {
        return defaultLimit;
    }

    /** The setting holding the default limit (per account overrides allowed); null when unlimited. */
    public Setting<Long> limitSetting() {
        return limitSetting;
    }
}
