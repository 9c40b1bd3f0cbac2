package io.skyport.app.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.container.lxc.LxdClient;
import io.skyport.container.lxc.LxdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local LXD daemon as tests see it, beside Skyport: a REST client of its own to check (and,
 * for reconciliation, change) what the driver did. The daemon and its test image are set up by
 * .ci/run: no network, a {@code dir} storage pool named default, and the busybox image whose init
 * prints {@link #BOOT_LINE} on the console.
 */
final class LxdDaemon implements AutoCloseable {
    static final String SOCKET = "/var/lib/lxd/unix.socket";
    static final String URL = "unix://" + SOCKET;
    static final String IMAGE = "skyport-busybox";
    static final String BOOT_LINE = "skyport-lxd-boot hostname=";
    private static final Duration WAIT = Duration.ofSeconds(60);

    final LxdClient lxd = new LxdClient(SOCKET);

    /** Why the daemon cannot be used, or empty when it answers and has the pool and image .ci/run sets up. */
    static Optional<String> unavailable() {
        if (!Files.exists(Path.of(SOCKET))) {
            return Optional.of("no LXD socket at " + SOCKET + " (.ci/run starts lxd and imports the test image)");
        }
        try (LxdDaemon d = new LxdDaemon()) {
            d.lxd.get("/1.0");
            if (!d.exists("/1.0/storage-pools/default")) {
                return Optional.of("LXD at " + SOCKET + " has no storage pool named default (.ci/run's preseed)");
            }
            if (!d.exists("/1.0/images/aliases/" + IMAGE)) {
                return Optional.of("LXD at " + SOCKET + " has no image " + IMAGE + " (.ci/run imports it)");
            }
            return Optional.empty();
        } catch (LxdException e) {
            return Optional.of("the LXD daemon at " + SOCKET + " does not answer: " + e.getMessage());
        }
    }

    /**
     * The daemon for a test that needs it: skips the test when it cannot be used (fails under
     * SKYPORT_REQUIRE_LIVE=1).
     */
    static LxdDaemon required() {
        Optional<String> missing = unavailable();
        Live.require("LXD daemon", missing.isEmpty(), missing.orElse(""));
        return new LxdDaemon();
    }

    boolean hasImage(String alias) {
        return exists("/1.0/images/aliases/" + alias);
    }

    /** Deletes the image an alias names, with the alias; nothing when there is none. */
    void removeImage(String alias) {
        if (hasImage(alias)) {
            String fingerprint = lxd.get("/1.0/images/aliases/" + alias).getAsJsonObject().get("target").getAsString();
            lxd.call("DELETE", "/1.0/images/" + fingerprint, null, WAIT);
        }
    }

    private boolean exists(String path) {
        try {
            lxd.get(path);
            return true;
        } catch (LxdException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    private static String path(String vmUuid) {
        return "/1.0/instances/skyport-" + vmUuid;
    }

    /** The VM's instance as LXD describes it (config, devices, profiles, status), if it exists. */
    Optional<JsonObject> instance(String vmUuid) {
        try {
            return Optional.of(lxd.get(path(vmUuid)).getAsJsonObject());
        } catch (LxdException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    String config(String vmUuid, String key) {
        JsonElement v = instance(vmUuid).orElseThrow(() -> new AssertionError("no instance for " + vmUuid))
                .getAsJsonObject("config").get(key);
        return v == null ? null : v.getAsString();
    }

    boolean running(String vmUuid) {
        return instance(vmUuid).map(i -> "Running".equals(i.get("status").getAsString())).orElse(false);
    }

    /** The host pid of the container's init: a restart gives a new one. */
    long initPid(String vmUuid) {
        return lxd.get(path(vmUuid) + "/state").getAsJsonObject().get("pid").getAsLong();
    }

    /** A file's content, read through LXD's files API. */
    String file(String vmUuid, String file) {
        return new String(lxd.download(path(vmUuid) + "/files?path=" + file), StandardCharsets.UTF_8);
    }

    /** Stops the container behind Skyport's back, as an operator's `lxc stop --force` would. */
    void kill(String vmUuid) {
        JsonObject body = new JsonObject();
        body.addProperty("action", "stop");
        body.addProperty("force", true);
        lxd.call("PUT", path(vmUuid) + "/state", body, WAIT);
    }

    /** Names of all instances whose config carries a VM uuid, found with one recursive listing. */
    List<String> skyportInstances() {
        List<String> out = new ArrayList<>();
        JsonArray all = lxd.get("/1.0/instances?recursion=1").getAsJsonArray();
        for (JsonElement e : all) {
            JsonObject i = e.getAsJsonObject();
            if (i.getAsJsonObject("config").has("user.skyport.vm")) {
                out.add(i.get("name").getAsString());
            }
        }
        return out;
    }

    void removeQuietly(String vmUuid) {
        try {
            if (running(vmUuid)) {
                kill(vmUuid);
            }
            if (instance(vmUuid).isPresent()) {
                lxd.call("DELETE", path(vmUuid), null, WAIT);
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            lxd.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }
}
