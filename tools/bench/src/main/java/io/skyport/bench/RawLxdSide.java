package io.skyport.bench;

import com.google.gson.JsonElement;
import io.skyport.container.ContainerLayout;
import io.skyport.container.SeedFiles;
import io.skyport.container.lxc.LxdClient;
import io.skyport.container.lxc.LxdEndpoint;
import io.skyport.container.lxc.LxdException;
import io.skyport.container.lxc.LxdRequests;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.time.Duration;
import java.util.Map;

/**
 * The LXD baseline: the daemon's REST API through the same client the driver uses, doing what the
 * driver does for the same result: resolve the image alias, create the instance with the same
 * limits, root disk and no NIC, push the same seed files, start it; then stop it forced and
 * delete it.
 */
final class RawLxdSide implements EngineSide {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private final LxdClient lxd;
    private final LxdEndpoint endpoint;
    private final String alias;

    RawLxdSide(LxdClient lxd, String socket, String alias) {
        this.lxd = lxd;
        this.endpoint = LxdEndpoint.of(new HostRef(0, "bench", "bench", "unix://" + socket, Map.of()));
        this.alias = alias;
    }

    @Override
    public String name() {
        return "engine API (LXD REST)";
    }

    @Override
    public String daemon() {
        String version = lxd.get("/1.0").getAsJsonObject().getAsJsonObject("environment").get("server_version")
                .getAsString();
        String driver = lxd.get("/1.0/storage-pools/" + endpoint.pool()).getAsJsonObject().get("driver").getAsString();
        return "LXD " + version + " (storage pool " + endpoint.pool() + ", driver " + driver + ")";
    }

    @Override
    public String create(String name) {
        VmSpec spec = ContainerBench.benchVm(name, alias);
        String fingerprint = lxd.get("/1.0/images/aliases/" + alias).getAsJsonObject().get("target").getAsString();
        lxd.call("POST", "/1.0/instances", LxdRequests.createInstance(name, fingerprint, endpoint, spec), WAIT);
        for (SeedFiles.Entry entry : SeedFiles.of(spec, ContainerLayout.hostName(spec))) {
            lxd.upload(LxdRequests.filePath(name, entry), LxdRequests.fileHeaders(entry),
                    entry.directory() ? new byte[0] : entry.content());
        }
        lxd.call("PUT", path(name) + "/state", LxdRequests.stateChange("start", 0, false), WAIT);
        return name;
    }

    @Override
    public void remove(String handle) {
        kill(handle);
        delete(handle);
    }

    @Override
    public void kill(String handle) {
        lxd.call("PUT", path(handle) + "/state", LxdRequests.stateChange("stop", 0, true), WAIT);
    }

    @Override
    public void delete(String handle) {
        lxd.call("DELETE", path(handle), null, WAIT);
    }

    @Override
    public String containerName(String handle) {
        return handle;
    }

    @Override
    public boolean running(String container) {
        JsonElement state = lxd.get(path(container) + "/state");
        return "Running".equals(state.getAsJsonObject().get("status").getAsString());
    }

    @Override
    public boolean exists(String container) {
        try {
            lxd.get(path(container));
            return true;
        } catch (LxdException e) {
            if (e.code() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String path(String name) {
        return "/1.0/instances/" + name;
    }
}
