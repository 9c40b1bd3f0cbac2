package io.skyport.ec2;

import io.skyport.plugin.Setting;

/** Admin settings of the EC2-compatible API (the on/off switch itself is a core setting). */
public final class Ec2Settings {
    public static final Setting<String> REGION = Setting.string("ec2.region", "skyport-1",
            "Name of the EC2 region this deployment serves; SigV4 signatures must be scoped to it",
            "Compatibility APIs", Setting.Scope.GLOBAL);

    public static final Setting<Integer> TERMINATED_VISIBLE_MINUTES = Setting.integer(
            "ec2.terminated.visible.minutes", 60, "Minutes an expunged instance is still listed as terminated by "
                    + "DescribeInstances, as EC2 keeps terminated instances visible for a while",
            "Compatibility APIs", Setting.Scope.GLOBAL);

    /** IMDS's HttpTokens for every instance; per-instance metadata options are not stored. */
    public static final Setting<String> METADATA_HTTP_TOKENS = Setting.string("ec2.metadata.http.tokens", "optional",
            "HttpTokens of instance metadata (IMDS): optional answers requests without a session token (IMDSv1), "
                    + "required answers them 401 (IMDSv2 only)", "Metadata", Setting.Scope.GLOBAL);

    private Ec2Settings() {
    }
}
