package io.skyport.container.lxc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.container.ContainerLayout;
import io.skyport.container.SeedFiles;
import io.skyport.container.net.GuestBridge;
import io.skyport.container.net.GuestBridges;
import io.skyport.container.net.HostCommands;
import io.skyport.plugin.HypervisorDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * LXD (or Incus) daemons as hypervisor hosts of type LXC: one VM is one system container
 * ({@link ContainerLayout}), reached through the REST API on the daemon's unix socket.
 *
 * <p>Containers boot their image's own init, as a VM boots its OS; what init prints on the
 * console is the VM's console output. Each start first puts the seed files ({@link SeedFiles})
 * into the container through the files API, so user data and keys changed while the VM was
 * stopped reach it at this start.
 *
 * <p>Data volumes are custom volumes in the host's pool ({@link ContainerLayout#volumeName}),
 * mounted as disk devices at {@link ContainerLayout#mountPath}; LXD adds and removes them while
 * the container runs.
 */
public class LxcDriver implements HypervisorDriver {
    public static final String TYPE = "LXC";
    private static final Logger LOG = LogManager.getLogger(LxcDriver.class);
    /** consoleOutput returns at most this much of the end of the console log, as a serial console buffer would. */
    static final int CONSOLE_BYTES = 64 * 1024;
    private static final Duration OPERATION_WAIT = Duration.ofMinutes(2);
    private static final Duration EXEC_WAIT = Duration.ofSeconds(60);
    private static final Duration BUSY_WAIT = Duration.ofSeconds(10);
    private static final long BUSY_RETRY_MS = 200;
    /** The CPU figure of {@link #stats} is the container's CPU time over this much wall time. */
    private static final long STATS_INTERVAL_MS = 500;
    private static final long FALLBACK_CPU_SPEED_MHZ = 2000;

    /** Root file system tarball templates imported on first use; one importer for every daemon. */
    private static final LxdImageImport IMAGES = new LxdImageImport();

    private final LxdClients clients;
    private final GuestBridges bridges;

    public LxcDriver(LxdClients clients) {
        this(clients, new GuestBridges(HostCommands.local()));
    }

    public LxcDriver(LxdClients clients, GuestBridges bridges) {
        this.clients = clients;
        this.bridges = bridges;
    }

    @Override
    public String hypervisorType() {
        return TYPE;
    }

    private LxdClient lxd(HostRef host) {
        return clients.client(LxdEndpoint.of(host));
    }

    private static String instancePath(String vmUuid) {
        return "/1.0/instances/" + LxdClient.segment(ContainerLayout.containerName(vmUuid));
    }

    /** Checks that the daemon answers and has the pool and profiles the host names. */
    @Override
    public HostCapacity connect(HostRef host) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        LxdClient lxd = clients.client(endpoint);
        try {
            lxd.get("/1.0");
        } catch (LxdException e) {
            // unreachable: the client's message says so and why; otherwise LXD's own refusal
            throw new IllegalStateException(e.code() == 0 ? e.getMessage() : "the LXD daemon at "
                    + endpoint.socketPath() + " refused GET /1.0: " + e.getMessage(), e);
        }
        requireExisting(lxd, "/1.0/storage-pools/" + LxdClient.segment(endpoint.pool()), "storage pool "
                + endpoint.pool());
        for (String profile : endpoint.profiles()) {
            requireExisting(lxd, "/1.0/profiles/" + LxdClient.segment(profile), "profile " + profile);
        }
        return hostCapacity(host);
    }

    private static void requireExisting(LxdClient lxd, String path, String what) {
        try {
            lxd.get(path);
        } catch (LxdException e) {
            if (e.notFound()) {
                throw new IllegalStateException("the LXD daemon at " + lxd.socket() + " has no " + what);
            }
            throw e;
        }
    }

    /**
     * Containers get no NIC from Skyport, only what the host's profiles add: a host attaches the
     * guest network when one of its profiles has a {@code nic} device. A daemon that cannot say
     * counts as no network, so no address is reported that nothing may answer at.
     */
    @Override
    public boolean attachesGuestNetwork(HostRef host) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        if (endpoint.bridged()) {
            return true;
        }
        if (endpoint.profiles().isEmpty()) {
            return false;
        }
        LxdClient lxd = clients.client(endpoint);
        try {
            for (String profile : endpoint.profiles()) {
                if (hasNic(lxd.get("/1.0/profiles/" + LxdClient.segment(profile)).getAsJsonObject())) {
                    return true;
                }
            }
            return false;
        } catch (LxdException | IllegalStateException e) {
            LOG.warn("could not read the profiles of LXC host {}: {}; its containers count as having no network",
                    host.name(), e.getMessage());
            return false;
        }
    }

    static boolean hasNic(JsonObject profile) {
        JsonObject devices = profile.has("devices") && profile.get("devices").isJsonObject()
                ? profile.getAsJsonObject("devices") : new JsonObject();
        for (Map.Entry<String, JsonElement> d : devices.entrySet()) {
            JsonElement type = d.getValue().isJsonObject() ? d.getValue().getAsJsonObject().get("type") : null;
            if (type != null && "nic".equals(type.getAsString())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean reportsStats() {
        return true;
    }

    /** CPUs and memory from the daemon's resources; the clock from the host's option, else the daemon's CPU sockets. */
    @Override
    public HostCapacity hostCapacity(HostRef host) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        JsonObject resources = clients.client(endpoint).get("/1.0/resources").getAsJsonObject();
        JsonObject cpu = resources.getAsJsonObject("cpu");
        int cpus = cpu.has("total") ? cpu.get("total").getAsInt() : 1;
        long memory = resources.getAsJsonObject("memory").get("total").getAsLong();
        long speed = endpoint.cpuSpeedMhz() != null ? endpoint.cpuSpeedMhz() : reportedSpeed(cpu);
        return new HostCapacity(Math.max(1, cpus), speed, memory);
    }

    /** The first CPU socket's clock in MHz, when the daemon can read it (virtual machines often cannot). */
    static long reportedSpeed(JsonObject cpu) {
        if (cpu.has("sockets")) {
            for (JsonElement s : cpu.getAsJsonArray("sockets")) {
                JsonElement f = s.getAsJsonObject().get("frequency");
                if (f != null && !f.isJsonNull() && f.getAsLong() > 0) {
                    return f.getAsLong();
                }
            }
        }
        return FALLBACK_CPU_SPEED_MHZ;
    }

    /**
     * Creates the container when it does not exist yet, puts the seed files into it, and starts
     * it. A container made by this call that then fails to get its seed files or to start is
     * deleted again: a failed start leaves nothing behind.
     */
    @Override
    public void start(HostRef host, VmSpec vm) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        LxdClient lxd = clients.client(endpoint);
        String name = ContainerLayout.containerName(vm.uuid());
        JsonObject existing = instance(lxd, vm.uuid());
        boolean created = existing == null;
        NicRef nic = endpoint.bridged() && !vm.nics().isEmpty() ? vm.nics().get(0) : null;
        if (nic != null) {
            bridges.ensure(GuestBridge.of(nic.networkUuid(), nic.networkCidr(), nic.gateway()));
        }
        if (created) {
            create(lxd, endpoint, vm, name);
        } else if (running(existing)) {
            LOG.debug("container {} was already running", name);
            return;
        } else if (nic != null) {
            updateInstance(lxd, "PATCH", vm.uuid(), LxdRequests.withGuestNic(nic));
        }
        try {
            pushSeed(lxd, name, vm);
            lxd.call("PUT", instancePath(vm.uuid()) + "/state", LxdRequests.stateChange("start", 0, false),
                    OPERATION_WAIT);
            if (nic != null) {
                configureGuestNic(host, vm.uuid(), LxdRequests.guestAddress(nic));
            }
        } catch (RuntimeException e) {
            if (created) {
                deleteQuietly(lxd, vm.uuid());
            }
            throw new IllegalStateException("could not start container " + name + " on the LXD host "
                    + endpoint.socketPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the core's address, the default route and the metadata route inside the started
     * container, as a DHCP client would on a managed network (LXD leaves an unmanaged bridge's NIC
     * unconfigured). The exec can come before the container's init is up, so it is retried briefly.
     */
    private void configureGuestNic(HostRef host, String vmUuid, String guestAddress) {
        String[] parts = guestAddress.split("[ /]");
        List<String> command = GuestBridges.configureInside(LxdRequests.GUEST_NIC, parts[0],
                Integer.parseInt(parts[1]), parts[2]);
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        ExecResult last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = exec(host, vmUuid, command);
                if (last.exitCode() == 0) {
                    return;
                }
            } catch (LxdException e) {
                last = new ExecResult(-1, "", e.getMessage());
            }
            try {
                Thread.sleep(BUSY_RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("could not set address " + guestAddress + " inside the container: "
                + (last == null ? "no attempt" : last.stdout() + last.stderr()));
    }

    private static void create(LxdClient lxd, LxdEndpoint endpoint, VmSpec vm, String name) {
        String fingerprint = image(lxd, vm);
        for (VolumeRef v : vm.volumes()) {
            ensureVolume(lxd, endpoint.pool(), v);
        }
        try {
            lxd.call("POST", "/1.0/instances", LxdRequests.createInstance(name, fingerprint, endpoint, vm),
                    OPERATION_WAIT);
        } catch (RuntimeException e) {
            deleteQuietly(lxd, vm.uuid());
            throw new IllegalStateException("could not create container " + name + " on the LXD host "
                    + endpoint.socketPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The fingerprint of the template's image: an alias on the daemon, else a fingerprint (or its
     * unique prefix). An image the daemon lacks is imported when the template is a root file
     * system tarball ({@link LxdImageImport}); otherwise it fails here, before anything is created.
     */
    static String image(LxdClient lxd, VmSpec vm) {
        String image = vm.image();
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the template of VM " + vm.name() + " names no container image");
        }
        JsonObject found = lookupAlias(lxd, image);
        if (found != null) {
            return found.get("target").getAsString();
        }
        found = image.matches("[0-9a-fA-F]+") ? lookup(lxd, "/1.0/images/" + image) : null;
        if (found == null && vm.imageSource() != null) {
            return IMAGES.importFor(lxd, vm);
        }
        if (found == null) {
            throw new IllegalStateException("image " + image + " is not on the LXD host " + lxd.socket()
                    + "; import it there first (an alias or fingerprint)");
        }
        if (found.has("type") && !"container".equals(found.get("type").getAsString())) {
            throw new IllegalStateException("image " + image + " on the LXD host " + lxd.socket()
                    + " is a virtual-machine image, not a container image");
        }
        return found.get("fingerprint").getAsString();
    }

    /** The alias of that name on the daemon, or null. */
    static JsonObject lookupAlias(LxdClient lxd, String alias) {
        return lookup(lxd, "/1.0/images/aliases/" + LxdClient.segment(alias));
    }

    private static JsonObject lookup(LxdClient lxd, String path) {
        try {
            return lxd.get(path).getAsJsonObject();
        } catch (LxdException e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    /** Puts the seed files in, parents first: the files API makes no missing parent directory. */
    private static void pushSeed(LxdClient lxd, String name, VmSpec vm) {
        for (SeedFiles.Entry entry : SeedFiles.of(vm, ContainerLayout.hostName(vm))) {
            lxd.upload(LxdRequests.filePath(name, entry), LxdRequests.fileHeaders(entry),
                    entry.directory() ? new byte[0] : entry.content());
        }
    }

    /** The instance, or null when the daemon has none by that name. */
    private static JsonObject instance(LxdClient lxd, String vmUuid) {
        return lookup(lxd, instancePath(vmUuid));
    }

    /** Frozen (paused) containers still hold their processes: running, as a paused Docker container is. */
    private static boolean running(JsonObject instance) {
        String status = instance.has("status") ? instance.get("status").getAsString() : "";
        return status.equals("Running") || status.equals("Frozen");
    }

    /**
     * A clean shutdown (init is asked to halt, and gets the host's stop timeout), then, if it did not
     * halt in time or {@code force} was asked, a kill. Stopping a stopped or missing container does nothing.
     */
    @Override
    public void stop(HostRef host, String vmUuid, boolean force) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        LxdClient lxd = clients.client(endpoint);
        JsonObject existing = instance(lxd, vmUuid);
        if (existing == null || !running(existing)) {
            return;
        }
        String state = instancePath(vmUuid) + "/state";
        if (!force) {
            try {
                lxd.call("PUT", state, LxdRequests.stateChange("stop", endpoint.stopTimeoutSeconds(), false),
                        stopWait(endpoint));
                return;
            } catch (LxdException e) {
                LOG.info("container of VM {} did not shut down cleanly ({}); killing it", vmUuid, e.getMessage());
            }
        }
        forceStop(lxd, vmUuid);
    }

    private static Duration stopWait(LxdEndpoint endpoint) {
        return Duration.ofSeconds(endpoint.stopTimeoutSeconds()).plus(OPERATION_WAIT);
    }

    private static void forceStop(LxdClient lxd, String vmUuid) {
        try {
            lxd.call("PUT", instancePath(vmUuid) + "/state", LxdRequests.stateChange("stop", 0, true), OPERATION_WAIT);
        } catch (LxdException e) {
            JsonObject now = instance(lxd, vmUuid);
            if (now != null && running(now)) {
                throw e;
            }
            // it stopped meanwhile, or is gone: stopped either way
        }
    }

    /** A clean restart within the stop timeout, else a forced one. */
    @Override
    public void reboot(HostRef host, String vmUuid) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        LxdClient lxd = clients.client(endpoint);
        String state = instancePath(vmUuid) + "/state";
        try {
            lxd.call("PUT", state, LxdRequests.stateChange("restart", endpoint.stopTimeoutSeconds(), false),
                    stopWait(endpoint));
        } catch (LxdException e) {
            if (e.notFound()) {
                throw e;
            }
            LOG.info("container of VM {} did not restart cleanly ({}); forcing it", vmUuid, e.getMessage());
            lxd.call("PUT", state, LxdRequests.stateChange("restart", 0, true), OPERATION_WAIT);
        }
        // a restarted container comes up with an unconfigured NIC again, as at its start
        JsonObject restarted = instance(lxd, vmUuid);
        JsonObject config = restarted == null ? null : restarted.getAsJsonObject("config");
        if (endpoint.bridged() && config != null && config.has(LxdRequests.GUEST_ADDRESS)) {
            configureGuestNic(host, vmUuid, config.get(LxdRequests.GUEST_ADDRESS).getAsString());
        }
    }

    /** Kills the container if it runs, then deletes it with its root disk; a container already gone is not an error. */
    @Override
    public void destroy(HostRef host, String vmUuid) {
        LxdClient lxd = lxd(host);
        JsonObject existing = instance(lxd, vmUuid);
        if (existing == null) {
            LOG.debug("container of VM {} was already gone", vmUuid);
            return;
        }
        if (running(existing)) {
            forceStop(lxd, vmUuid);
        }
        try {
            lxd.call("DELETE", instancePath(vmUuid), null, OPERATION_WAIT);
        } catch (LxdException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(LxdClient lxd, String vmUuid) {
        try {
            JsonObject existing = instance(lxd, vmUuid);
            if (existing != null) {
                if (running(existing)) {
                    forceStop(lxd, vmUuid);
                }
                lxd.call("DELETE", instancePath(vmUuid), null, OPERATION_WAIT);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete half-made container of VM {}: {}", vmUuid, e.getMessage());
        }
    }

    @Override
    public boolean hostLocalVolumes() {
        return true;
    }

    private static String volumePath(String pool, VolumeRef v) {
        return "/1.0/storage-pools/" + LxdClient.segment(pool) + "/volumes/custom/"
                + LxdClient.segment(ContainerLayout.volumeName(v.uuid()));
    }

    /** Creates the volume's custom volume unless the pool has it; true when this call made it. */
    private static boolean ensureVolume(LxdClient lxd, String pool, VolumeRef v) {
        if (lookup(lxd, volumePath(pool, v)) != null) {
            return false;
        }
        lxd.call("POST", "/1.0/storage-pools/" + LxdClient.segment(pool) + "/volumes", LxdRequests.customVolume(v),
                OPERATION_WAIT);
        return true;
    }

    /**
     * Makes the custom volume, then, when the VM's container exists, adds it as a disk device
     * (running or not). A custom volume made here is deleted again if the device cannot be added.
     */
    @Override
    public void attachVolume(HostRef host, String vmUuid, VolumeRef volume) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        LxdClient lxd = clients.client(endpoint);
        boolean made = ensureVolume(lxd, endpoint.pool(), volume);
        JsonObject existing = instance(lxd, vmUuid);
        if (existing == null) {
            return;
        }
        try {
            updateInstance(lxd, "PATCH", vmUuid, LxdRequests.addDisk(endpoint.pool(), volume));
        } catch (RuntimeException e) {
            if (made) {
                deleteVolumeQuietly(lxd, endpoint.pool(), volume);
            }
            throw e;
        }
    }

    /** Removes the container's disk devices of the volume (hot when it runs); the custom volume stays. */
    @Override
    public void detachVolume(HostRef host, String vmUuid, VolumeRef volume) {
        LxdClient lxd = lxd(host);
        JsonObject existing = instance(lxd, vmUuid);
        if (existing == null) {
            return;
        }
        List<String> disks = LxdRequests.disksOf(existing, ContainerLayout.volumeName(volume.uuid()));
        if (!disks.isEmpty()) {
            updateInstance(lxd, "PUT", vmUuid, LxdRequests.withoutDevices(existing, disks));
        }
    }

    /**
     * Changes the instance's configuration. LXD refuses a change while another operation holds
     * the instance, and a stop holds it a moment after its own operation has finished, so a
     * refusal for that reason is retried for a few seconds before it counts.
     */
    private static void updateInstance(LxdClient lxd, String method, String vmUuid, JsonObject body) {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            try {
                lxd.call(method, instancePath(vmUuid), body, OPERATION_WAIT);
                return;
            } catch (LxdException e) {
                if (!LxdRequests.busy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(BUSY_RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LxdException(0, "interrupted while waiting for the instance of VM " + vmUuid);
            }
        }
    }

    /** Deletes the custom volume; one already gone is not an error, one still used by a container is. */
    @Override
    public void deleteVolume(HostRef host, VolumeRef volume) {
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        try {
            clients.client(endpoint).call("DELETE", volumePath(endpoint.pool(), volume), null, OPERATION_WAIT);
        } catch (LxdException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    private static void deleteVolumeQuietly(LxdClient lxd, String pool, VolumeRef v) {
        try {
            lxd.call("DELETE", volumePath(pool, v), null, OPERATION_WAIT);
        } catch (RuntimeException e) {
            LOG.warn("could not delete custom volume of volume {}: {}", v.uuid(), e.getMessage());
        }
    }

    @Override
    public PowerState status(HostRef host, String vmUuid) {
        JsonObject existing = instance(lxd(host), vmUuid);
        if (existing == null) {
            return PowerState.MISSING;
        }
        return running(existing) ? PowerState.RUNNING : PowerState.STOPPED;
    }

    /** Every instance carrying a VM uuid in its config, in one request (recursion=1 returns them whole). */
    @Override
    public Map<String, PowerState> list(HostRef host) {
        Map<String, PowerState> out = new HashMap<>();
        for (JsonElement e : lxd(host).get("/1.0/instances?recursion=1").getAsJsonArray()) {
            JsonObject instance = e.getAsJsonObject();
            JsonObject config = instance.getAsJsonObject("config");
            JsonElement uuid = config == null ? null : config.get(LxdRequests.VM_KEY);
            if (uuid != null && !uuid.isJsonNull() && !uuid.getAsString().isEmpty()) {
                out.put(uuid.getAsString(), running(instance) ? PowerState.RUNNING : PowerState.STOPPED);
            }
        }
        return out;
    }

    /** The container's console log (what its init and services wrote to /dev/console), its last {@link #CONSOLE_BYTES} bytes. */
    @Override
    public String consoleOutput(HostRef host, String vmUuid) {
        try {
            return tail(lxd(host).download(instancePath(vmUuid) + "/console"));
        } catch (LxdException e) {
            if (e.notFound()) {
                return "";
            }
            throw e;
        }
    }

    static String tail(byte[] log) {
        int from = Math.max(0, log.length - CONSOLE_BYTES);
        return new String(log, from, log.length - from, StandardCharsets.UTF_8);
    }

    /** Runs the command to its end with its output recorded, reads stdout and stderr, then deletes those logs. */
    @Override
    public ExecResult exec(HostRef host, String vmUuid, List<String> command) {
        LxdClient lxd = lxd(host);
        JsonObject done = lxd.call("POST", instancePath(vmUuid) + "/exec", LxdRequests.exec(command), EXEC_WAIT)
                .getAsJsonObject();
        int exit = done.has("return") ? done.get("return").getAsInt() : -1;
        JsonObject output = done.has("output") ? done.getAsJsonObject("output") : new JsonObject();
        return new ExecResult(exit, execLog(lxd, output, "1"), execLog(lxd, output, "2"));
    }

    private static String execLog(LxdClient lxd, JsonObject output, String fd) {
        JsonElement path = output.get(fd);
        if (path == null || path.isJsonNull()) {
            return "";
        }
        String log = new String(lxd.download(path.getAsString()), StandardCharsets.UTF_8);
        try {
            lxd.call("DELETE", path.getAsString(), null, OPERATION_WAIT);
        } catch (LxdException e) {
            LOG.debug("could not delete exec log {}: {}", path, e.getMessage());
        }
        return log;
    }

    /**
     * Two readings of the state endpoint: CPU time used between them over the time between them
     * (100 per fully used CPU), memory in use at the second, and the limit from the instance's config.
     */
    @Override
    public VmStats stats(HostRef host, String vmUuid) {
        LxdClient lxd = lxd(host);
        JsonObject instance = instance(lxd, vmUuid);
        if (instance == null) {
            return new VmStats(0, 0, 0);
        }
        JsonObject config = instance.getAsJsonObject("config");
        long limit = config == null || !config.has("limits.memory") ? 0 : LxdRequests.bytes(config.get(
                "limits.memory").getAsString());
        String state = instancePath(vmUuid) + "/state";
        JsonObject first = lxd.get(state).getAsJsonObject();
        long t0 = System.nanoTime();
        try {
            Thread.sleep(STATS_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonObject second = lxd.get(state).getAsJsonObject();
        long elapsed = System.nanoTime() - t0;
        return InstanceState.stats(first, second, elapsed, limit);
    }
}
