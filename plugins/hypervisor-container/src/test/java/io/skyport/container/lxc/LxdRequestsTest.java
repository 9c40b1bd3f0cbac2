package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.google.gson.JsonObject;
import io.skyport.container.ContainerLayout;
import io.skyport.container.ContainerLayoutTest;
import io.skyport.container.SeedFiles;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class LxdRequestsTest {
    private static final LxdEndpoint HOST = LxdEndpoint.of(new HostRef(1, "u", "h",
            "unix:///var/lib/lxd/unix.socket?pool=ssd", Map.of()));

    @Test
    public void createIsAContainerFromTheFingerprintWithARootDiskOnThePoolAndNoNic() {
        VmSpec vm = ContainerLayoutTest.vm(2, 1000, 512, "web1");
        JsonObject body = LxdRequests.createInstance("skyport-x", "abc123", HOST, vm);
        assertEquals("skyport-x", body.get("name").getAsString());
        assertEquals("container", body.get("type").getAsString());
        assertEquals("image", body.getAsJsonObject("source").get("type").getAsString());
        assertEquals("abc123", body.getAsJsonObject("source").get("fingerprint").getAsString());
        assertEquals("an empty list, not an absent one: LXD would apply its default profile", 0,
                body.getAsJsonArray("profiles").size());
        JsonObject devices = body.getAsJsonObject("devices");
        assertEquals(1, devices.size());
        JsonObject root = devices.getAsJsonObject("root");
        assertEquals("disk", root.get("type").getAsString());
        assertEquals("/", root.get("path").getAsString());
        assertEquals("ssd", root.get("pool").getAsString());
        JsonObject config = body.getAsJsonObject("config");
        assertEquals("2", config.get("limits.cpu").getAsString());
        assertEquals("2000 MHz as a weight: 2000 shares of the default 1024", "195%",
                config.get("limits.cpu.allowance").getAsString());
        assertEquals("512MiB", config.get("limits.memory").getAsString());
        assertEquals(Long.toString(2 * ContainerLayout.PIDS_PER_CPU), config.get("limits.processes").getAsString());
        assertEquals(vm.uuid(), config.get("user.skyport.vm").getAsString());
        assertEquals("acct-uuid", config.get("user.skyport.account").getAsString());
        assertEquals("web", config.get("user.tier").getAsString());
    }

    @Test
    public void profilesNamedByTheHostAreApplied() {
        LxdEndpoint withProfiles = LxdEndpoint.of(new HostRef(1, "u", "h", "unix:///s?profile=a,b", Map.of()));
        JsonObject body = LxdRequests.createInstance("n", "f", withProfiles, ContainerLayoutTest.vm(1, 500, 64, "x"));
        assertEquals("a", body.getAsJsonArray("profiles").get(0).getAsString());
        assertEquals("b", body.getAsJsonArray("profiles").get(1).getAsString());
    }

    @Test
    public void allowanceStaysInRange() {
        assertEquals(1, LxdRequests.allowancePercent(ContainerLayout.limits(ContainerLayoutTest.vm(1, 1, 64, "x"))));
        assertEquals(25_600, LxdRequests.allowancePercent(ContainerLayout.limits(ContainerLayoutTest.vm(64, 9000, 64,
                "x"))));
        assertEquals(49, LxdRequests.allowancePercent(ContainerLayout.limits(ContainerLayoutTest.vm(1, 500, 64, "x"))));
    }

    @Test
    public void stateChangesCarryTimeoutOrForce() {
        JsonObject clean = LxdRequests.stateChange("stop", 7, false);
        assertEquals("stop", clean.get("action").getAsString());
        assertEquals(7, clean.get("timeout").getAsInt());
        assertFalse(clean.get("force").getAsBoolean());
        JsonObject forced = LxdRequests.stateChange("restart", 7, true);
        assertEquals("restart", forced.get("action").getAsString());
        assertEquals(true, forced.get("force").getAsBoolean());
    }

    @Test
    public void execRecordsOutputWithoutWebsockets() {
        JsonObject body = LxdRequests.exec(List.of("sh", "-c", "echo hi"));
        assertEquals(3, body.getAsJsonArray("command").size());
        assertEquals("echo hi", body.getAsJsonArray("command").get(2).getAsString());
        assertEquals(true, body.get("record-output").getAsBoolean());
        assertEquals(false, body.get("wait-for-websocket").getAsBoolean());
        assertEquals(false, body.get("interactive").getAsBoolean());
    }

    @Test
    public void seedEntriesBecomeFilesApiRequests() {
        List<SeedFiles.Entry> seed = SeedFiles.of(ContainerLayoutTest.vm(1, 500, 64, "web1"), "web1");
        SeedFiles.Entry dir = seed.stream().filter(e -> e.path().equals("root/.ssh/")).findFirst().orElseThrow();
        assertEquals("/1.0/instances/skyport-x/files?path=%2Froot%2F.ssh", LxdRequests.filePath("skyport-x", dir));
        assertEquals(Map.of("X-LXD-type", "directory", "X-LXD-uid", "0", "X-LXD-gid", "0", "X-LXD-mode", "0700"),
                LxdRequests.fileHeaders(dir));
        SeedFiles.Entry keys = seed.stream().filter(e -> e.path().equals(SeedFiles.AUTHORIZED_KEYS)).findFirst()
                .orElseThrow();
        assertEquals("/1.0/instances/skyport-x/files?path=%2Froot%2F.ssh%2Fauthorized_keys",
                LxdRequests.filePath("skyport-x", keys));
        Map<String, String> h = LxdRequests.fileHeaders(keys);
        assertEquals("file", h.get("X-LXD-type"));
        assertEquals("0600", h.get("X-LXD-mode"));
        assertEquals("overwrite", h.get("X-LXD-write"));
    }

    @Test
    public void sizesAreReadInLxdsUnits() {
        assertEquals(128L * 1024 * 1024, LxdRequests.bytes("128MiB"));
        assertEquals(2_000_000_000L, LxdRequests.bytes("2GB"));
        assertEquals(4096, LxdRequests.bytes("4096"));
        assertEquals(1024, LxdRequests.bytes("1KiB"));
        assertEquals("a percentage of host memory is no size", 0, LxdRequests.bytes("50%"));
        assertEquals(0, LxdRequests.bytes(null));
    }

    @Test
    public void aBridgedHostsContainerHasANicOnTheGuestBridgeAndKeepsItsAddressInItsConfig() {
        LxdEndpoint bridged = LxdEndpoint.of(new HostRef(1, "u", "h",
                "unix:///var/lib/lxd/unix.socket?networking=bridge", Map.of()));
        VmSpec plain = ContainerLayoutTest.vm(1, 500, 64, "web1");
        io.skyport.plugin.HypervisorDriver.NicRef nic = new io.skyport.plugin.HypervisorDriver.NicRef("198.19.4.7",
                24, "198.19.4.1", "02:00:0a:0b:0c:0d", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "198.19.4.0/24", 0);
        VmSpec vm = new VmSpec(plain.uuid(), plain.name(), plain.accountUuid(), plain.cpus(), plain.cpuSpeedMhz(),
                plain.memoryMb(), plain.image(), plain.userData(), plain.sshPublicKeys(), plain.labels(),
                plain.imageSource(), plain.volumes(), List.of(nic));
        JsonObject body = LxdRequests.createInstance("skyport-x", "abc123", bridged, vm);
        JsonObject eth0 = body.getAsJsonObject("devices").getAsJsonObject("eth0");
        assertEquals("nic", eth0.get("type").getAsString());
        assertEquals("bridged", eth0.get("nictype").getAsString());
        assertEquals("sp0f1e2d3c4b5a", eth0.get("parent").getAsString());
        assertEquals("02:00:0a:0b:0c:0d", eth0.get("hwaddr").getAsString());
        assertEquals("198.19.4.7/24 198.19.4.1", body.getAsJsonObject("config")
                .get("user.skyport.guest-ipv4").getAsString());
        assertFalse("an unbridged host gives no NIC even when the core allocated one",
                LxdRequests.createInstance("skyport-x", "abc123", HOST, vm).getAsJsonObject("devices").has("eth0"));
        JsonObject patch = LxdRequests.withGuestNic(nic);
        assertEquals("sp0f1e2d3c4b5a", patch.getAsJsonObject("devices").getAsJsonObject("eth0").get("parent")
                .getAsString());
        assertEquals("198.19.4.7/24 198.19.4.1", patch.getAsJsonObject("config").get("user.skyport.guest-ipv4")
                .getAsString());
    }
}
