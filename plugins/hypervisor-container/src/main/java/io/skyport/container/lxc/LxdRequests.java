package io.skyport.container.lxc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.container.ContainerLayout;
import io.skyport.container.SeedFiles;
import io.skyport.container.net.GuestBridge;
import io.skyport.plugin.HypervisorDriver.NicRef;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bodies and headers of the LXD requests the driver sends, built from a VM and its host's options. */
public final class LxdRequests {
    static final String CONFIG_PREFIX = "user.";
    static final String VM_KEY = CONFIG_PREFIX + ContainerLayout.VM_LABEL;
    /**
     * LXD states a CPU weight as a percentage of the default weight (100% = 1024 shares). Docker
     * hosts give 1 share per offering MHz, so the same MHz become the same weight here: the
     * percentage is MHz * 100 / 1024, within the range Docker's shares allow (2 to 262144).
     */
    private static final long DEFAULT_SHARES = 1024;
    private static final long MAX_ALLOWANCE_PERCENT = 262_144 * 100 / DEFAULT_SHARES;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGTPE]i?B|[kKMGTPE]B|B)?");

    private LxdRequests() {
    }

    /**
     * POST /1.0/instances: a container from the image's fingerprint (resolved beforehand, so the
     * image cannot change under the request), with only the profiles the host names, a root disk
     * on the host's pool and no NIC: networking is left to what the host's profiles give.
     */
    public static JsonObject createInstance(String name, String fingerprint, LxdEndpoint endpoint, VmSpec vm) {
        JsonObject source = new JsonObject();
        source.addProperty("type", "image");
        source.addProperty("fingerprint", fingerprint);
        JsonObject root = new JsonObject();
        root.addProperty("type", "disk");
        root.addProperty("path", "/");
        root.addProperty("pool", endpoint.pool());
        JsonObject devices = new JsonObject();
        devices.add("root", root);
        vm.volumes().forEach(v -> devices.add(deviceName(v), disk(endpoint.pool(), v)));
        JsonArray profiles = new JsonArray();
        endpoint.profiles().forEach(profiles::add);
        JsonObject config = new JsonObject();
        config(vm).forEach(config::addProperty);
        if (endpoint.bridged() && !vm.nics().isEmpty()) {
            devices.add(GUEST_NIC, guestNic(vm.nics().get(0)));
            config.addProperty(GUEST_ADDRESS, guestAddress(vm.nics().get(0)));
        }
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("type", "container");
        body.add("source", source);
        body.add("profiles", profiles);
        body.add("devices", devices);
        body.add("config", config);
        return body;
    }

    /**
     * POST /1.0/storage-pools/{pool}/volumes: a custom filesystem volume for a Skyport volume,
     * carrying its uuid as user config. No size: a {@code dir} pool can only enforce one with
     * project quotas, which most hosts do not have.
     */
    static JsonObject customVolume(VolumeRef v) {
        JsonObject config = new JsonObject();
        config.addProperty(CONFIG_PREFIX + ContainerLayout.VOLUME_LABEL, v.uuid());
        JsonObject body = new JsonObject();
        body.addProperty("name", ContainerLayout.volumeName(v.uuid()));
        body.addProperty("type", "custom");
        body.addProperty("content_type", "filesystem");
        body.addProperty("description", "Skyport volume " + v.name());
        body.add("config", config);
        return body;
    }

    /** The instance's device of a data volume: named by its slot, so a profile's devices keep theirs. */
    static String deviceName(VolumeRef v) {
        return ContainerLayout.PREFIX + "disk" + v.deviceId();
    }

    /** A disk device mounting the volume's custom volume at the slot's path. */
    static JsonObject disk(String pool, VolumeRef v) {
        JsonObject disk = new JsonObject();
        disk.addProperty("type", "disk");
        disk.addProperty("pool", pool);
        disk.addProperty("source", ContainerLayout.volumeName(v.uuid()));
        disk.addProperty("path", ContainerLayout.mountPath(v.deviceId()));
        return disk;
    }

    /** The instance's device on the guest network: named as the interface inside, so its configuration finds it. */
    static final String GUEST_NIC = "eth0";
    /**
     * Where the container keeps its guest address ("address/prefix gateway"), so a restart of the
     * container (a VM reboot, which gets no spec) configures the same address again.
     */
    static final String GUEST_ADDRESS = CONFIG_PREFIX + "skyport.guest-ipv4";

    static String guestAddress(NicRef nic) {
        return nic.address() + "/" + nic.prefix() + " " + nic.gateway();
    }

    /**
     * A {@code bridged} NIC on the guest network's bridge with the core's MAC. LXD configures no
     * address on a bridge it does not manage; the driver sets the core's address from inside.
     */
    static JsonObject guestNic(NicRef nic) {
        JsonObject d = new JsonObject();
        d.addProperty("type", "nic");
        d.addProperty("nictype", "bridged");
        d.addProperty("parent", GuestBridge.bridgeName(nic.networkUuid()));
        d.addProperty("name", GUEST_NIC);
        d.addProperty("hwaddr", nic.mac());
        return d;
    }

    /** PATCH body that (re)sets the guest NIC of a container made before, as LXD merges devices. */
    static JsonObject withGuestNic(NicRef nic) {
        JsonObject devices = new JsonObject();
        devices.add(GUEST_NIC, guestNic(nic));
        JsonObject config = new JsonObject();
        config.addProperty(GUEST_ADDRESS, guestAddress(nic));
        JsonObject body = new JsonObject();
        body.add("devices", devices);
        body.add("config", config);
        return body;
    }

    /** PATCH /1.0/instances/{name}: LXD merges the devices given into the instance's, so this adds one (hot). */
    static JsonObject addDisk(String pool, VolumeRef v) {
        JsonObject devices = new JsonObject();
        devices.add(deviceName(v), disk(pool, v));
        JsonObject body = new JsonObject();
        body.add("devices", devices);
        return body;
    }

    /** The instance's own devices (not its profiles') that mount the named custom volume. */
    static List<String> disksOf(JsonObject instance, String volumeName) {
        List<String> out = new java.util.ArrayList<>();
        JsonObject devices = instance.getAsJsonObject("devices");
        if (devices != null) {
            devices.entrySet().forEach(e -> {
                JsonObject d = e.getValue().getAsJsonObject();
                if (d.has("source") && volumeName.equals(d.get("source").getAsString())
                        && "disk".equals(d.has("type") ? d.get("type").getAsString() : "")) {
                    out.add(e.getKey());
                }
            });
        }
        return out;
    }

    /**
     * PUT /1.0/instances/{name}: the instance's writable fields as LXD gave them, without the named
     * devices. A PATCH cannot remove a device (it merges), so removal replaces the whole set.
     */
    static JsonObject withoutDevices(JsonObject instance, List<String> removed) {
        JsonObject body = new JsonObject();
        for (String field : List.of("architecture", "config", "devices", "ephemeral", "profiles", "stateful",
                "description")) {
            if (instance.has(field)) {
                body.add(field, instance.get(field).deepCopy());
            }
        }
        JsonObject devices = body.has("devices") ? body.getAsJsonObject("devices") : new JsonObject();
        removed.forEach(devices::remove);
        body.add("devices", devices);
        return body;
    }

    /** Whether LXD refused a change because another operation holds the instance (it says "Instance is busy"). */
    static boolean busy(LxdException e) {
        return e.getMessage() != null && e.getMessage().contains("is busy running");
    }

    /** The offering's limits and the VM's labels as instance config (labels as user.* keys). */
    static Map<String, String> config(VmSpec vm) {
        ContainerLayout.Limits limits = ContainerLayout.limits(vm);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("limits.cpu", Integer.toString(limits.cpus()));
        out.put("limits.cpu.allowance", allowancePercent(limits) + "%");
        out.put("limits.memory", limits.memoryBytes() / (1024 * 1024) + "MiB");
        out.put("limits.processes", Long.toString(limits.pidsLimit()));
        ContainerLayout.labels(vm).forEach((k, v) -> out.put(CONFIG_PREFIX + k, v));
        return out;
    }

    static long allowancePercent(ContainerLayout.Limits limits) {
        long percent = Math.round(limits.cpuMhz() * 100.0 / DEFAULT_SHARES);
        return Math.min(MAX_ALLOWANCE_PERCENT, Math.max(1, percent));
    }

    /** PUT /1.0/instances/{name}/state: start, stop or restart, with a clean-shutdown timeout or forced. */
    public static JsonObject stateChange(String action, int timeoutSeconds, boolean force) {
        JsonObject body = new JsonObject();
        body.addProperty("action", action);
        body.addProperty("timeout", force ? -1 : timeoutSeconds);
        body.addProperty("force", force);
        return body;
    }

    /**
     * POST /1.0/instances/{name}/exec without websockets: LXD runs the command to its end and keeps
     * stdout and stderr as instance logs, named in the finished operation's metadata.
     */
    static JsonObject exec(List<String> command) {
        JsonArray argv = new JsonArray();
        command.forEach(argv::add);
        JsonObject body = new JsonObject();
        body.add("command", argv);
        body.add("environment", new JsonObject());
        body.addProperty("interactive", false);
        body.addProperty("wait-for-websocket", false);
        body.addProperty("record-output", true);
        return body;
    }

    /** The files API path of a seed entry, absolute inside the container. */
    public static String filePath(String instance, SeedFiles.Entry entry) {
        String p = "/" + entry.path();
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return "/1.0/instances/" + LxdClient.segment(instance) + "/files?path=" + LxdClient.segment(p);
    }

    /** The files API headers of a seed entry: a directory or file owned by root, with its mode, replacing what is there. */
    public static Map<String, String> fileHeaders(SeedFiles.Entry entry) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-LXD-type", entry.directory() ? "directory" : "file");
        h.put("X-LXD-uid", "0");
        h.put("X-LXD-gid", "0");
        h.put("X-LXD-mode", String.format(Locale.ROOT, "%04o", entry.mode()));
        if (!entry.directory()) {
            h.put("X-LXD-write", "overwrite");
        }
        return h;
    }

    /** An LXD size (limits.memory: 128MiB, 1GB, 268435456) in bytes; 0 when unset or not a size (a percentage). */
    static long bytes(String size) {
        if (size == null) {
            return 0;
        }
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        if (unit.equals("B")) {
            return n;
        }
        int power = "KMGTPE".indexOf(Character.toUpperCase(unit.charAt(0))) + 1;
        long base = unit.contains("i") ? 1024 : 1000;
        long out = n;
        for (int i = 0; i < power; i++) {
            out *= base;
        }
        return out;
    }
}
