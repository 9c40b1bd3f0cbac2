package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code skyport cluster} on a Docker host: the nodes become real containers, and each
 * container's cloud-init seed file ({@code /var/lib/cloud/seed/nocloud/user-data}) must hold the
 * cloud-config rendered for that node. Delete must leave no container, group or key behind.
 */
public class ClusterDockerIT {
    private static final TestServer SERVER = new TestServer();
    private static final String SEED = "/var/lib/cloud/seed/nocloud/user-data";
    private static final List<String> CREATED = new ArrayList<>();
    private static DockerEngine engine;
    private static ContainerZone docker;
    private static ClusterCli cli;

    @BeforeClass
    public static void engineAndZone() throws Exception {
        Optional<String> missing = DockerEngine.unavailable();
        Live.require("Docker engine", missing.isEmpty(), missing.orElse(""));
        engine = new DockerEngine();
        engine.ensureImage();
        SERVER.start();
        docker = ContainerZone.docker(SERVER, "Cluster");
        cli = new ClusterCli(SERVER, SERVER.tenant("dockerclusters" + System.nanoTime()));
    }

    @AfterClass
    public static void cleanUp() {
        if (engine != null) {
            CREATED.forEach(engine::removeQuietly);
            engine.close();
        }
        SERVER.stop();
    }

    private static ClusterCli.Result create(String api, String name) {
        return cli.create(api, name, "--zone", docker.zoneName, "--offering", docker.offeringName, "--template",
                "busybox");
    }

    private static String seed(JsonObject vm) {
        String id = vm.get("id").getAsString();
        CREATED.add(id);
        assertTrue(vm.get("name").getAsString() + " has no running container", engine.running(id));
        try {
            return engine.exec(id, "cat", SEED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    public void nativeApiMakesContainersWithTheRenderedSeed() {
        String name = "dock";
        create("native", name).ok();
        Map<String, JsonObject> nodes = cli.nodes(name);
        cli.assertNodes(name, ClusterDockerIT::seed);
        nodes.values().forEach(vm -> assertEquals(docker.zone, vm.get("zoneid").getAsString()));
        assertEquals(ClusterCli.expectedIngress(name), cli.ingress(cli.group(name)));
        cli.assertGroupMembers(name);
        ClusterCli.Result status = cli.run("native", "status", name).ok();
        assertTrue(status.out(), status.out().startsWith("cluster " + name + ": 8 nodes, 8 running\n"));
        cli.run("native", "delete", name).ok();
        assertTrue(cli.nodes(name).isEmpty());
        nodes.values().forEach(vm -> assertFalse(vm.get("name").getAsString(),
                engine.container(vm.get("id").getAsString()).isPresent()));
        assertNull(cli.group(name));
        assertFalse(cli.keyPairExists(name));
        assertTrue(cli.run("native", "delete", name).ok().out().contains("deleted 0 nodes"));
    }

    @Test
    public void gceApiMakesContainersWithTheRenderedSeed() {
        String name = "dockgce";
        create("gce", name).ok();
        Map<String, JsonObject> nodes = cli.nodes(name);
        cli.assertNodes(name, ClusterDockerIT::seed);
        ClusterCli.Result status = cli.run("gce", "status", name).ok();
        assertTrue(status.out(), status.out().startsWith("cluster " + name + ": 8 nodes, 8 running\n"));
        assertTrue(status.out(), status.out().contains("udp 8472-8472 from 198.18.0.0/15 to tag skyport-cluster-"
                + name));
        cli.run("gce", "delete", name).ok();
        assertTrue(cli.nodes(name).isEmpty());
        nodes.values().forEach(vm -> assertFalse(vm.get("name").getAsString(),
                engine.container(vm.get("id").getAsString()).isPresent()));
        assertEquals(3, cli.run("gce", "status", name).status());
    }

    @Test
    public void ec2ApiMakesContainersWithTheRenderedSeed() {
        String name = "dockec2";
        create("ec2", name).ok();
        Map<String, JsonObject> nodes = cli.nodes(name);
        cli.assertNodes(name, ClusterDockerIT::seed);
        assertEquals(ClusterCli.expectedIngress(name), cli.ingress(cli.group(name)));
        cli.assertGroupMembers(name);
        cli.run("ec2", "delete", name).ok();
        assertTrue(cli.nodes(name).isEmpty());
        // terminated instances keep their (stopped) container until the expunge delay, as EC2 lists them
        nodes.values().forEach(vm -> assertFalse(vm.get("name").getAsString(),
                engine.running(vm.get("id").getAsString())));
        assertNull(cli.group(name));
        assertEquals(3, cli.run("ec2", "status", name).status());
    }
}
