package io.skyport.app.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class CloudConfigTest {
    private static ClusterSpec spec(int control, int workers, String discovery) {
        return new ClusterSpec("demo", control, workers, null, null, null, null, null, discovery, "198.18.0.0/15",
                null);
    }

    private static ClusterNode node(ClusterSpec spec, String name) {
        return spec.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    public void controlNodesGetEveryControlNodeAsAStaticEtcdPeer() {
        ClusterSpec spec = spec(3, 5, null);
        String yaml = CloudConfig.bundled().render(spec, node(spec, "demo-control-1"));
        assertTrue(yaml, yaml.startsWith("#cloud-config\n"));
        assertTrue(yaml, yaml.contains("\nhostname: demo-control-1\n"));
        assertTrue(yaml, yaml.contains("      ETCD_NAME=demo-control-1\n"));
        assertTrue(yaml, yaml.contains("      ETCD_INITIAL_CLUSTER=demo-control-0=http://demo-control-0:2380,"
                + "demo-control-1=http://demo-control-1:2380,demo-control-2=http://demo-control-2:2380\n"));
        assertTrue(yaml, yaml.contains("      ETCD_INITIAL_CLUSTER_TOKEN=demo\n"));
        assertTrue(yaml, yaml.contains("role=control"));
        assertFalse(yaml, yaml.contains("ETCD_DISCOVERY"));
        assertFalse(yaml, yaml.contains("{{"));
    }

    @Test
    public void aDiscoveryUrlReplacesTheStaticPeers() {
        ClusterSpec spec = spec(3, 0, "https://discovery.example.org/abc123");
        String yaml = CloudConfig.bundled().render(spec, node(spec, "demo-control-0"));
        assertTrue(yaml, yaml.contains("      ETCD_DISCOVERY=https://discovery.example.org/abc123\n"));
        assertFalse(yaml, yaml.contains("ETCD_INITIAL_CLUSTER="));
    }

    @Test
    public void workersGetTheControlEndpoints() {
        ClusterSpec spec = spec(3, 2, null);
        String yaml = CloudConfig.bundled().render(spec, node(spec, "demo-worker-1"));
        assertTrue(yaml, yaml.contains("\nhostname: demo-worker-1\n"));
        assertTrue(yaml, yaml.contains("role=worker"));
        assertTrue(yaml, yaml.contains("    content: |\n      demo-control-0\n      demo-control-1\n      demo-control-2\n"));
        assertTrue(yaml, yaml.contains("KUBE_API_SERVERS=https://demo-control-0:6443,https://demo-control-1:6443,"
                + "https://demo-control-2:6443\n"));
        assertTrue(yaml, yaml.contains("ETCD_SERVERS=http://demo-control-0:2379,http://demo-control-1:2379,"
                + "http://demo-control-2:2379\n"));
        assertFalse(yaml, yaml.contains("ETCD_INITIAL_CLUSTER"));
    }

    @Test
    public void everyRenderedLineIsIndentedAsYamlBlockContentOrTopLevel() {
        ClusterSpec spec = spec(1, 1, null);
        for (ClusterNode n : spec.nodes()) {
            for (String line : CloudConfig.bundled().render(spec, n).split("\n")) {
                // a substituted multi-line value that lost its indentation would end the block scalar
                assertTrue(n + ": " + line, line.isEmpty() || line.startsWith("#") || line.startsWith("  ")
                        || line.matches("[a-z_]+:.*"));
            }
        }
    }

    @Test
    public void aPlaceholderWithoutAValueIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CloudConfig.fill("a: {{known}}\nb: {{unknown}}\n", Map.of("known", "1")));
        assertTrue(e.getMessage(), e.getMessage().contains("{{unknown}}"));
        assertEquals("a: x$1\\\n", CloudConfig.fill("a: {{v}}\n", Map.of("v", "x$1\\")));
    }

    @Test
    public void specNamesNodesByRoleAndChecksItsInput() {
        ClusterSpec spec = spec(3, 5, null);
        assertEquals(8, spec.nodes().size());
        assertEquals(List.of("demo-control-0", "demo-control-1", "demo-control-2"), spec.controlNames());
        assertEquals(Role.WORKER, spec.nodes().get(7).role());
        assertEquals("demo-worker-4", spec.nodes().get(7).name());
        assertThrows(IllegalArgumentException.class, () -> spec(0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> spec(3, 1, "file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> new ClusterSpec("Bad_Name", 1, 1, null, null, null, null,
                null, null, "0.0.0.0/0", null));
        assertThrows(IllegalArgumentException.class, () -> new ClusterSpec("ok", 1, 1, null, null, null, "k",
                "ssh-ed25519 AAAA", null, "0.0.0.0/0", null));
        assertThrows(IllegalArgumentException.class, () -> new ClusterSpec("ok", 1, 1, null, null, null, null, null,
                null, "everywhere", null));
    }
}
