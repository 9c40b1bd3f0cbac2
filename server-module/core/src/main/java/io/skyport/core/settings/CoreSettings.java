package io.skyport.core.settings;

import io.skyport.plugin.Setting;
import io.skyport.plugin.Setting.Scope;
import java.util.List;

/** Settings owned by the core, including the admin switches of the compatibility APIs. */
public final class CoreSettings {
    public static final Setting<Boolean> EC2_API_ENABLED = Setting.bool("ec2.api.enabled", true,
            "Serve the EC2-compatible API at /ec2", "Compatibility APIs", Scope.GLOBAL);
    public static final Setting<Boolean> GCE_API_ENABLED = Setting.bool("gce.api.enabled", true,
            "Serve the GCE-compatible API at /compute/v1", "Compatibility APIs", Scope.GLOBAL);
    public static final Setting<Integer> DEFAULT_PAGE_SIZE = Setting.integer("default.page.size", 500,
            "Page size of list commands when the caller gives none", "Advanced", Scope.GLOBAL);
    public static final Setting<Integer> SIGNATURE_EXPIRY_WINDOW = Setting.integer("api.signature.expires.max.seconds",
            900, "Largest allowed distance of a signatureVersion=3 expires value from now", "Security", Scope.GLOBAL);
    public static final Setting<Integer> EXPUNGE_DELAY = Setting.integer("expunge.delay", 20,
            "Seconds a destroyed VM waits before it is expunged", "Advanced", Scope.GLOBAL);
    public static final Setting<Integer> HOST_PING_INTERVAL = Setting.integer("host.ping.interval", 10,
            "Seconds between health checks of container hosts (Docker, LXC); a host that does not answer is "
                    + "Disconnected", "Advanced", Scope.GLOBAL);
    public static final Setting<Integer> HOST_ALERT_AFTER = Setting.integer("host.alert.after.failures", 3,
            "Failed health checks in a row after which a Disconnected host is in Alert", "Advanced", Scope.GLOBAL);

    public static final Setting<Integer> VM_STATS_INTERVAL = Setting.integer("vm.stats.interval", 60,
            "Seconds between two samples of the cpu and memory use of VMs on hosts that measure them (container "
                    + "hosts); 0 stops sampling", "Advanced", Scope.GLOBAL);

    /** Read by the container drivers too: they forward 169.254.169.254:80 from instances to this port. */
    public static final Setting<Integer> METADATA_PORT = Setting.integer("metadata.port", 8775,
            "Port of the instance metadata listener (EC2 IMDS and the GCE metadata server); the hosts forward "
                    + "169.254.169.254:80 from instances to it. Read at server start", "Metadata", Scope.GLOBAL);
    public static final Setting<Boolean> METADATA_ENABLED = Setting.bool("metadata.enabled", true,
            "Answer instance metadata requests; off, the metadata listener refuses every request", "Metadata",
            Scope.GLOBAL);
    public static final Setting<Integer> AUTH_THROTTLE_FAILURES = Setting.integer("api.auth.throttle.failures", 10,
            "Failed authentications (bad signature, unknown key, wrong password, bad token) of one API key or one "
                    + "source address within api.auth.throttle.window.seconds after which it is blocked; 0 turns "
                    + "throttling off", "Security", Scope.GLOBAL);
    public static final Setting<Integer> AUTH_THROTTLE_WINDOW = Setting.integer("api.auth.throttle.window.seconds",
            60, "Window in which failed authentications are counted", "Security", Scope.GLOBAL);
    public static final Setting<Integer> AUTH_THROTTLE_BLOCK = Setting.integer("api.auth.throttle.block.seconds",
            300, "How long a blocked API key or source address is refused (the protocol's throttling error)",
            "Security", Scope.GLOBAL);
    public static final Setting<Integer> MAX_URI_BYTES = Setting.integer("api.request.max.uri.bytes", 8192,
            "Longest request URI (path and query string) any API accepts; longer ones get the protocol's error "
                    + "with HTTP 414", "Security", Scope.GLOBAL);
    public static final Setting<Integer> MAX_HEADER_BYTES = Setting.integer("api.request.max.header.bytes", 16384,
            "Largest total size of the request headers any API accepts; larger ones get the protocol's error with "
                    + "HTTP 431", "Security", Scope.GLOBAL);
    public static final Setting<Integer> NATIVE_MAX_BODY = Setting.integer("native.request.max.body.bytes", 1 << 20,
            "Largest request body of the native API; larger ones get its error with HTTP 413", "Security",
            Scope.GLOBAL);
    public static final Setting<Integer> EC2_MAX_BODY = Setting.integer("ec2.request.max.body.bytes", 1 << 20,
            "Largest request body of the EC2 API; larger ones get its error with HTTP 413", "Security", Scope.GLOBAL);
    public static final Setting<Integer> GCE_MAX_BODY = Setting.integer("gce.request.max.body.bytes", 4 << 20,
            "Largest request body of the GCE API (a batch of calls is one body); larger ones get its error with "
                    + "HTTP 413", "Security", Scope.GLOBAL);

    private CoreSettings() {
    }

    /** The body limit of an API by its short name ({@code native}, {@code ec2}, {@code gce}); native's otherwise. */
    public static Setting<Integer> maxBody(String api) {
        return switch (api) {
            case "ec2" -> EC2_MAX_BODY;
            case "gce" -> GCE_MAX_BODY;
            default -> NATIVE_MAX_BODY;
        };
    }

    public static List<Setting<?>> all() {
        return List.of(EC2_API_ENABLED, GCE_API_ENABLED, DEFAULT_PAGE_SIZE, SIGNATURE_EXPIRY_WINDOW, EXPUNGE_DELAY,
                HOST_PING_INTERVAL, HOST_ALERT_AFTER, VM_STATS_INTERVAL, METADATA_PORT, METADATA_ENABLED,
                AUTH_THROTTLE_FAILURES, AUTH_THROTTLE_WINDOW, AUTH_THROTTLE_BLOCK, MAX_URI_BYTES, MAX_HEADER_BYTES,
                NATIVE_MAX_BODY, EC2_MAX_BODY, GCE_MAX_BODY);
    }
}
