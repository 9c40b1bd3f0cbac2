package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone whose one host is a local container daemon (the Docker engine or the LXD daemon), made
 * through the native API as an admin would (zone, pod, cluster, host, a 1 cpu / 128 MB offering,
 * the busybox template), with helpers to run VM jobs in it. Addresses come from 198.18/15 only.
 */
final class ContainerZone {
    final TestServer server;
    final String zone;
    final String zoneName;
    final String pod;
    final String cluster;
    final String hostId;
    final String offering;
    final String offeringName;
    final String template;
    final String hypervisor;
    final String url;

    private ContainerZone(TestServer server, String hypervisor, String url, String zone, String zoneName, String pod,
                          String cluster, String hostId, String offering, String offeringName, String template) {
        this.server = server;
        this.hypervisor = hypervisor;
        this.url = url;
        this.zone = zone;
        this.zoneName = zoneName;
        this.pod = pod;
        this.cluster = cluster;
        this.hostId = hostId;
        this.offering = offering;
        this.offeringName = offeringName;
        this.template = template;
    }

    /** A zone on the local Docker engine; {@code prefix} names it and its parts (Insight: InsightZone, InsightSmall). */
    static ContainerZone docker(TestServer server, String prefix) {
        // no network option: the engine runs without a bridge, so containers get no guest network
        return create(server, prefix, "Docker", DockerEngine.URL, "stoptimeout=2", DockerEngine.IMAGE, "busybox");
    }

    /** A zone on the local LXD daemon (no profile: its containers get no NIC). */
    static ContainerZone lxc(TestServer server, String prefix) {
        return create(server, prefix, "LXC", LxdDaemon.URL, "stoptimeout=5", LxdDaemon.IMAGE, "busybox");
    }

    /** A zone of its own on a daemon, with the image's template named {@code templateName}. */
    static ContainerZone create(TestServer server, String prefix, String hypervisor, String url, String options,
                                String image, String templateName) {
        return create(server, server.admin(), prefix, hypervisor, url, options, image, templateName);
    }

    /**
     * A zone on the local Docker engine made through {@code client}, for a server that is not a
     * {@link TestServer} (one in its own JVM): only the ids are usable, not the helpers that call it.
     */
    static ContainerZone docker(NativeClient client, String prefix) {
        return create(null, client, prefix, "Docker", DockerEngine.URL, "stoptimeout=2", DockerEngine.IMAGE, "busybox");
    }

    private static ContainerZone create(TestServer server, NativeClient client, String prefix, String hypervisor,
                                        String url, String options, String image, String templateName) {
        String zoneName = prefix + "Zone";
        String zone = admin(client, "createZone", "name", zoneName, "networktype", "Advanced", "dns1",
                "198.18.255.253", "internaldns1", "198.18.255.254", "guestcidraddress", "198.18.128.0/17")
                .getAsJsonObject("zone").get("id").getAsString();
        String pod = admin(client, "createPod", "zoneid", zone, "name", prefix + "Pod", "gateway", "198.19.200.1",
                "netmask", "255.255.255.0", "startip", "198.19.200.10", "endip", "198.19.200.20")
                .getAsJsonObject("pod").get("id").getAsString();
        String cluster = admin(client, "addCluster", "zoneid", zone, "podid", pod, "clustername", prefix + "Cluster",
                "clustertype", "CloudManaged", "hypervisor", hypervisor).getAsJsonArray("cluster").get(0)
                .getAsJsonObject().get("id").getAsString();
        String host = admin(client, "addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor",
                hypervisor, "url", url + "?" + options).getAsJsonArray("host").get(0)
                .getAsJsonObject().get("id").getAsString();
        String offeringName = prefix + "Small";
        String offering = admin(client, "createServiceOffering", "name", offeringName, "displaytext", "1 cpu, 128 MB",
                "cpunumber", "1", "cpuspeed", "500", "memory", "128").getAsJsonObject("serviceoffering").get("id")
                .getAsString();
        String template = admin(client, "registerTemplate", "name", templateName, "displaytext", "busybox container",
                "url", "http://images.invalid/busybox.tar", "format", "CONTAINER", "hypervisor", hypervisor, "zoneid",
                zone, "ispublic", "true", "details[0].image", image).getAsJsonArray("template").get(0)
                .getAsJsonObject().get("id").getAsString();
        return new ContainerZone(server, hypervisor, url, zone, zoneName, pod, cluster, host, offering, offeringName,
                template);
    }

    static JsonObject admin(TestServer server, String command, String... kv) {
        return admin(server.admin(), command, kv);
    }

    static JsonObject admin(NativeClient client, String command, String... kv) {
        NativeClient.Reply r = client.call(command, kv);
        assertEquals(command + ": " + r.body(), 200, r.status());
        return r.inner();
    }

    JsonObject admin(String command, String... kv) {
        return admin(server, command, kv);
    }

    /** Submits a job as the admin and waits for its end. */
    JsonObject job(String command, String... kv) {
        return job(server, command, kv);
    }

    static JsonObject job(TestServer server, String command, String... kv) {
        JsonObject submit = admin(server, command, kv);
        assertNotNull(submit.toString(), submit.get("jobid"));
        return server.admin().awaitJob(submit.get("jobid").getAsString());
    }

    /** A VM's state as listVirtualMachines shows it to the admin. */
    static String vmState(TestServer server, String id) {
        return admin(server, "listVirtualMachines", "id", id).getAsJsonArray("virtualmachine").get(0)
                .getAsJsonObject().get("state").getAsString();
    }

    /** A host's state as listHosts shows it to the admin. */
    static String hostState(TestServer server, String id) {
        return admin(server, "listHosts", "id", id).getAsJsonArray("host").get(0).getAsJsonObject().get("state")
                .getAsString();
    }

    /** Whether an event of the type whose description contains the text has been recorded. */
    static boolean hasEvent(TestServer server, String type, String text) {
        JsonArray events = admin(server, "listEvents", "type", type, "listall", "true").getAsJsonArray("event");
        if (events == null) {
            return false;
        }
        for (JsonElement e : events) {
            if (e.getAsJsonObject().get("description").getAsString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The VM a successful job answers with. */
    static JsonObject vmOf(JsonObject job) {
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        return job.getAsJsonObject("jobresult").getAsJsonObject("virtualmachine");
    }

    /** Adds the same daemon once more as another host of the cluster, with other URL options. */
    String addHost(String options) {
        return admin("addHost", "zoneid", zone, "podid", pod, "clusterid", cluster, "hypervisor", hypervisor, "url",
                url + "?" + options).getAsJsonArray("host").get(0).getAsJsonObject().get("id")
                .getAsString();
    }

    /**
     * Deploys a running container VM on the zone's first host and returns its view; {@code extra}
     * parameters are added to the deploy (and win over the defaults, e.g. another templateid).
     */
    JsonObject deploy(String name, String... extra) {
        List<String> kv = new ArrayList<>(List.of("zoneid", zone, "serviceofferingid", offering, "templateid", template,
                "name", name, "hostid", hostId));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            int at = kv.indexOf(extra[i]);
            if (at >= 0 && at % 2 == 0) {
                kv.set(at + 1, extra[i + 1]);
            } else {
                kv.add(extra[i]);
                kv.add(extra[i + 1]);
            }
        }
        JsonObject vm = vmOf(job("deployVirtualMachine", kv.toArray(new String[0])));
        assertEquals("Running", vm.get("state").getAsString());
        assertEquals("on the host asked for", kv.get(kv.indexOf("hostid") + 1), vm.get("hostid").getAsString());
        return vm;
    }

    /**
     * Reads a console until it shows {@code line} or ten seconds pass, and returns the last
     * reading: init prints its boot line a moment after the start returned.
     */
    static String consoleShowing(String line, java.util.function.Supplier<String> console)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        String text = console.get();
        while (!text.contains(line) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            text = console.get();
        }
        return text;
    }

}
