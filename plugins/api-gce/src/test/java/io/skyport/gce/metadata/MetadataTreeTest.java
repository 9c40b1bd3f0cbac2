package io.skyport.gce.metadata;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Tags;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.network.Nic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class MetadataTreeTest {
    private static final String BASE = "projects/proj-one/";

    private static MetadataTree.Dir tree(String startup) {
        Instance i = Instance.newBuilder().setId(4242424242L).setName("web-1")
                .setZone(BASE + "zones/sandbox-simulator").setMachineType(BASE + "zones/sandbox-simulator/machineTypes/small")
                .setMetadata(Metadata.newBuilder().addItems(Items.newBuilder().setKey("startup-script").setValue(startup))
                        .addItems(Items.newBuilder().setKey("ssh-keys").setValue("me:ssh-ed25519 AAAA me"))
                        .addItems(Items.newBuilder().setKey("my-key").setValue("v")))
                .setTags(Tags.newBuilder().addItems("web"))
                .addNetworkInterfaces(NetworkInterface.newBuilder().setNetworkIP("198.18.0.9")).build();
        Nic nic = new Nic(1, "n", 1, 1, "198.18.0.9", "02:00:00:00:00:09", 0, true);
        Map<String, String> project = new LinkedHashMap<>();
        project.put("ssh-keys", "ops:ssh-ed25519 BBBB ops");
        project.put("enable-oslogin", "FALSE");
        return MetadataInstances.root(new MetadataInstances.Facts(i, "proj-one", 777, "sandbox-simulator",
                List.of(nic), project));
    }

    private static String get(MetadataTree.Dir root, String path, boolean recursive, boolean json) {
        return MetadataTree.find(root, path).orElseThrow(() -> new AssertionError(path)).render(recursive, json);
    }

    @Test
    public void valuesAndListings() {
        MetadataTree.Dir root = tree("echo hi");
        assertEquals("4242424242", get(root, "instance/id", false, false));
        assertEquals("web-1", get(root, "instance/name", false, false));
        assertEquals("projects/777/zones/sandbox-simulator", get(root, "instance/zone", false, false));
        assertEquals("projects/777/machineTypes/small", get(root, "instance/machine-type", false, false));
        assertEquals("198.18.0.9", get(root, "instance/network-interfaces/0/ip", false, false));
        assertEquals("02:00:00:00:00:09", get(root, "instance/network-interfaces/0/mac", false, false));
        assertEquals("echo hi", get(root, "instance/attributes/startup-script", false, false));
        assertEquals("[\"web\"]", get(root, "instance/tags", false, false));
        assertEquals("proj-one", get(root, "project/project-id", false, false));
        assertEquals("777", get(root, "project/numeric-project-id", false, false));
        assertEquals("instance/\nproject/\n", get(root, "", false, false));
        assertEquals("startup-script\nssh-keys\nmy-key\n", get(root, "instance/attributes/", false, false));
        assertEquals("0/\n", get(root, "instance/network-interfaces/", false, false));
        assertEquals("ssh-keys\nenable-oslogin\n", get(root, "project/attributes/", false, false));
        assertEquals("ops:ssh-ed25519 BBBB ops", get(root, "project/attributes/ssh-keys", false, false));
        assertTrue(MetadataTree.find(root, "instance/attributes/absent").isEmpty());
        assertTrue(MetadataTree.find(root, "instance/name/more").isEmpty());
    }

    @Test
    public void recursiveJsonCamelCasesKeysButNotAttributes() {
        JsonObject all = JsonParser.parseString(get(tree("x"), "", true, true)).getAsJsonObject();
        JsonObject instance = all.getAsJsonObject("instance");
        assertEquals(4242424242L, instance.get("id").getAsLong());
        assertEquals("projects/777/machineTypes/small", instance.get("machineType").getAsString());
        assertEquals("198.18.0.9", instance.getAsJsonArray("networkInterfaces").get(0).getAsJsonObject().get("ip")
                .getAsString());
        assertEquals("v", instance.getAsJsonObject("attributes").get("my-key").getAsString());
        assertEquals("me:ssh-ed25519 AAAA me", instance.getAsJsonObject("attributes").get("ssh-keys").getAsString());
        assertEquals(777, all.getAsJsonObject("project").get("numericProjectId").getAsLong());
        assertEquals("\"web-1\"", get(tree("x"), "instance/name", false, true));
        assertEquals("networkInterfaces", MetadataTree.camel("network-interfaces"));
    }

    @Test
    public void recursiveTextIsPathValueLines() {
        String text = get(tree("x"), "instance/attributes/", true, false);
        assertEquals(List.of("startup-script x", "ssh-keys me:ssh-ed25519 AAAA me", "my-key v"), text.lines().toList());
    }

    @Test
    public void etagsFollowContent() {
        String a = get(tree("one"), "instance/attributes/", true, true);
        String b = get(tree("two"), "instance/attributes/", true, true);
        assertEquals(MetadataTree.etag(a), MetadataTree.etag(get(tree("one"), "instance/attributes/", true, true)));
        assertNotEquals(MetadataTree.etag(a), MetadataTree.etag(b));
        assertTrue(MetadataTree.etag(a).matches("[0-9a-f]{16}"));
    }
}
