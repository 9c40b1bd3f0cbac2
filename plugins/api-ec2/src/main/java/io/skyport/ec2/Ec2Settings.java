package io.skyport.ec2;

import io.skyport.plugin.Setting;

/** Admin settings of the EC2-compatible API (the on/off switch itself is a core setting). */
public final class Ec2Settings {
    public static final Setting<String> REGION = Setting.string("ec2.region", "skyport-1",
            "Name of the EC2 region this deployment serves; SigV4 signatures must be scoped to it",
            "Compatibility APIs", Setting.Scope.GLOBAL);


    private Ec2Settings() {
    }
}
