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

    /**
     * How long RunInstances, StartInstances, StopInstances and TerminateInstances wait for their
     * jobs before answering. EC2 has no way to wait on a state change but polling DescribeInstances
     * (its waiters poll every 15 s): a change that ends within this time is answered as done, so the
     * client's first poll finds it.
     */
    public static final Setting<Integer> STATE_CHANGE_WAIT_MILLIS = Setting.integer("ec2.state.change.wait.millis",
            2000, "Milliseconds RunInstances, StartInstances, StopInstances and TerminateInstances wait, all their "
                    + "instances together, for the state change before answering: instances whose change ended are "
                    + "answered in their new state (running, stopped, terminated), the others as pending, stopping "
                    + "or shutting-down; 0 answers at once, as EC2 does", "Compatibility APIs", Setting.Scope.GLOBAL);

    /**
     * IMDS's HttpTokens for instances without their own (RunInstances MetadataOptions,
     * ModifyInstanceMetadataOptions: InstanceMetadataOptions).
     */
    public static final Setting<String> METADATA_HTTP_TOKENS = Setting.string("ec2.metadata.http.tokens", "optional",
            "HttpTokens of instance metadata (IMDS): optional answers requests without a session token (IMDSv1), "
                    + "required answers them 401 (IMDSv2 only)", "Metadata", Setting.Scope.GLOBAL);

    private Ec2Settings() {
    }
}
