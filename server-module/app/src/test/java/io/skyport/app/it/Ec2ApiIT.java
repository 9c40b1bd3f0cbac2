package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The EC2 API through the AWS SDK for Java (a stock client given only endpoint, region and
 * keys) and through hand-made requests: one VM seen by the EC2 and native APIs alike, tenant
 * isolation, filters and paging, client tokens, dry runs, the on/off switch, and EC2's own error
 * codes for bad input.
 */
public class Ec2ApiIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static NativeClient alice;
    private static NativeClient bob;
    private static Ec2Client aliceEc2;
    private static Ec2Client bobEc2;
    private static String image;

    @BeforeClass
    public static void setUp() {
        alice = SERVER.tenant("ec2alice" + System.nanoTime());
        bob = SERVER.tenant("ec2bob" + System.nanoTime());
        aliceEc2 = Ec2Sdk.client(SERVER, alice);
        bobEc2 = Ec2Sdk.client(SERVER, bob);
        image = aliceEc2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    }

    @AfterClass
    public static void tearDown() {
        if (aliceEc2 != null) {
            aliceEc2.close();
            bobEc2.close();
        }
    }


    private static List<String> run(Ec2Client ec2, int count, String name, String token) {
        RunInstancesResponse r = ec2.runInstances(b -> {
            b.imageId(image).instanceType("small-instance").minCount(count).maxCount(count).userData("aGVsbG8=");
            if (name != null) {
                b.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value(name).build(), Tag.builder().key("env").value("it")
                                .build()).build());
            }
            if (token != null) {
                b.clientToken(token);
            }
        });
        for (Instance i : r.instances()) {
            // running if its start ended within the state-change wait, else pending
            assertTrue(i.state().toString(), i.state().name() == InstanceStateName.RUNNING
                    || i.state().name() == InstanceStateName.PENDING);
        }
        return Ec2Sdk.ids(r.instances());
    }

    private static void awaitRunning(Ec2Client ec2, List<String> ids) {
        ec2.waiter().waitUntilInstanceRunning(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder().instanceIds(ids).build(), Ec2Sdk.quickly());
    }

    private static List<Instance> describe(Ec2Client ec2, List<String> ids) {
        List<Instance> out = new ArrayList<>();
        for (Reservation r : ec2.describeInstances(b -> b.instanceIds(ids)).reservations()) {
            out.addAll(r.instances());
        }
        return out;
    }

    private static JsonObject nativeVm(NativeClient c, String name) {
        JsonArray vms = c.call("listVirtualMachines", "name", name).inner().getAsJsonArray("virtualmachine");
        assertNotNull("no VM named " + name, vms);
        return vms.get(0).getAsJsonObject();
    }

    @Test
    public void anInstanceIsOneVmInEveryApi() {
        String name = "web" + (System.nanoTime() % 100000);
        List<String> ids = run(aliceEc2, 1, name, null);
        awaitRunning(aliceEc2, ids);
        Instance i = describe(aliceEc2, ids).get(0);
        assertEquals(InstanceStateName.RUNNING, i.state().name());
        assertTrue(i.tags().contains(Tag.builder().key("Name").value(name).build()));

        // the native API sees the same VM, named by the Name tag, running, with the other tag
        JsonObject vm = nativeVm(alice, name);
        assertEquals("Running", vm.get("state").getAsString());
        assertEquals(name, vm.get("displayname").getAsString());
        boolean tagged = false;
        for (JsonElement t : vm.getAsJsonArray("tags")) {
            tagged |= "env".equals(t.getAsJsonObject().get("key").getAsString());
        }
        assertTrue(vm.toString(), tagged);

        // a VM deployed through the native API is an EC2 instance too, named by its display name
        String zone = SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
        String offering = SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance")
                .orElseThrow().uuid();
        String template = SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null,
                null, null).get(0).uuid();
        String nativeName = "native" + (System.nanoTime() % 100000);
        JsonObject submit = alice.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", nativeName).inner();
        alice.awaitJob(submit.get("jobid").getAsString());
        List<Instance> found = new ArrayList<>();
        aliceEc2.describeInstances(b -> b.filters(Filter.builder().name("tag:Name").values(nativeName).build()))
                .reservations().forEach(r -> found.addAll(r.instances()));
        assertEquals(1, found.size());
        assertEquals(InstanceStateName.RUNNING, found.get(0).state().name());

        // stopping through EC2 is a stop in the native API
        aliceEc2.stopInstances(b -> b.instanceIds(ids));
        aliceEc2.waiter().waitUntilInstanceStopped(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder().instanceIds(ids).build(), Ec2Sdk.quickly());
        assertEquals("Stopped", nativeVm(alice, name).get("state").getAsString());

        // terminated: shown as terminated until expunged, then unknown
        aliceEc2.terminateInstances(b -> b.instanceIds(ids));
        aliceEc2.waiter().waitUntilInstanceTerminated(software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.builder().instanceIds(ids).build(), Ec2Sdk.quickly());
        assertEquals(InstanceStateName.TERMINATED, describe(aliceEc2, ids).get(0).state().name());
        String uuid = vm.get("id").getAsString();
        JsonObject expunge = SERVER.admin().call("expungeVirtualMachine", "id", uuid).inner();
        SERVER.admin().awaitJob(expunge.get("jobid").getAsString());
        assertEquals(0, alice.call("listVirtualMachines", "name", name).inner().size());
        // EC2 keeps listing it as terminated for the visibility window, then it is unknown
        assertEquals(InstanceStateName.TERMINATED, describe(aliceEc2, ids).get(0).state().name());
        assertTrue(Ec2Sdk.ids(aliceEc2.describeInstances().reservations().stream().flatMap(r -> r.instances()
                .stream()).toList()).contains(ids.get(0)));
        SERVER.admin().call("updateConfiguration", "name", "ec2.terminated.visible.minutes", "value", "0");
        try {
            assertEquals("InvalidInstanceID.NotFound", Ec2Sdk.errorCode(() -> describe(aliceEc2, ids)));
        } finally {
            SERVER.admin().call("updateConfiguration", "name", "ec2.terminated.visible.minutes", "value", "60");
        }
    }

    @Test
    public void anotherAccountsInstanceIsNotFound() {
        List<String> ids = run(aliceEc2, 1, null, null);
        assertEquals("InvalidInstanceID.NotFound", Ec2Sdk.errorCode(() -> describe(bobEc2, ids)));
        assertEquals("InvalidInstanceID.NotFound", Ec2Sdk.errorCode(() -> bobEc2.terminateInstances(b ->
                b.instanceIds(ids))));
        Set<String> bobs = new HashSet<>();
        bobEc2.describeInstances().reservations().forEach(r -> bobs.addAll(Ec2Sdk.ids(r.instances())));
        assertFalse(bobs.contains(ids.get(0)));
        // and a malformed id is a different error from an unknown one
        assertEquals("InvalidInstanceID.Malformed", Ec2Sdk.errorCode(() -> describe(bobEc2, List.of("i-xyz"))));
        aliceEc2.terminateInstances(b -> b.instanceIds(ids));
    }

    @Test
    public void filtersAndPagesSeeEveryInstanceOnce() {
        String name = "pg" + (System.nanoTime() % 100000);
        List<String> ids = run(aliceEc2, 7, name, null);
        Filter byName = Filter.builder().name("tag:Name").values(name).build();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeInstancesResponse page = aliceEc2.describeInstances(b -> b.filters(byName).maxResults(5)
                    .nextToken(next));
            page.reservations().forEach(r -> seen.addAll(Ec2Sdk.ids(r.instances())));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(new HashSet<>(ids), new HashSet<>(seen));
        assertEquals("every instance exactly once", ids.size(), seen.size());
        assertTrue(pages >= 2);
        // the SDK's own paginator agrees
        List<String> paginated = new ArrayList<>();
        aliceEc2.describeInstancesPaginator(b -> b.filters(byName).maxResults(5)).reservations()
                .forEach(r -> paginated.addAll(Ec2Sdk.ids(r.instances())));
        assertEquals(new HashSet<>(ids), new HashSet<>(paginated));

        assertEquals("InvalidParameterValue", Ec2Sdk.errorCode(() -> aliceEc2.describeInstances(b -> b.filters(
                Filter.builder().name("no-such-filter").values("x").build()))));
        assertEquals("InvalidParameterCombination", Ec2Sdk.errorCode(() -> aliceEc2.describeInstances(b ->
                b.instanceIds(ids.get(0)).maxResults(5))));
        assertEquals("InvalidPaginationToken", Ec2Sdk.errorCode(() -> aliceEc2.describeInstances(b ->
                b.maxResults(5).nextToken("bogus"))));
        aliceEc2.terminateInstances(b -> b.instanceIds(ids));
    }

    /**
     * A state change that ends within {@code ec2.state.change.wait.millis} is answered done, so a
     * client's first DescribeInstances (and an SDK waiter's first check) finds it; one that takes
     * longer is answered in transition, as EC2 answers, and goes on.
     */
    @Test
    public void stateChangesAreAnsweredDoneWhenTheyEndWithinTheWait() {
        setting("ec2.state.change.wait.millis", "60000");
        try {
            RunInstancesResponse r = aliceEc2.runInstances(b -> b.imageId(image).instanceType("small-instance")
                    .minCount(2).maxCount(2));
            List<String> ids = Ec2Sdk.ids(r.instances());
            r.instances().forEach(i -> assertEquals(InstanceStateName.RUNNING, i.state().name()));
            assertStates(ids, InstanceStateName.RUNNING);
            aliceEc2.stopInstances(b -> b.instanceIds(ids)).stoppingInstances().forEach(c -> {
                assertEquals(InstanceStateName.RUNNING, c.previousState().name());
                assertEquals(InstanceStateName.STOPPED, c.currentState().name());
            });
            assertStates(ids, InstanceStateName.STOPPED);
            aliceEc2.startInstances(b -> b.instanceIds(ids)).startingInstances()
                    .forEach(c -> assertEquals(InstanceStateName.RUNNING, c.currentState().name()));
            assertStates(ids, InstanceStateName.RUNNING);

            // a kill the simulator holds beyond the wait: shutting-down, then terminated when it ends
            setting("ec2.state.change.wait.millis", "100");
            assertEquals(200, SERVER.admin().call("configureSimulator", "name", "stop", "delay", "2000").status());
            aliceEc2.terminateInstances(b -> b.instanceIds(ids)).terminatingInstances()
                    .forEach(c -> assertEquals(InstanceStateName.SHUTTING_DOWN, c.currentState().name()));
            assertStates(ids, InstanceStateName.SHUTTING_DOWN);
            aliceEc2.waiter().waitUntilInstanceTerminated(software.amazon.awssdk.services.ec2.model
                    .DescribeInstancesRequest.builder().instanceIds(ids).build(), Ec2Sdk.quickly());
        } finally {
            SERVER.admin().call("configureSimulator", "clear", "true");
            setting("ec2.state.change.wait.millis", "2000");
        }
    }

    private static void setting(String name, String value) {
        assertEquals(200, SERVER.admin().call("updateConfiguration", "name", name, "value", value).status());
    }

    private static void assertStates(List<String> ids, InstanceStateName expected) {
        describe(aliceEc2, ids).forEach(i -> assertEquals(i.instanceId(), expected, i.state().name()));
    }

    @Test
    public void aClientTokenMakesALaunchHappenOnce() {
        String token = "tok-" + System.nanoTime();
        List<String> first = run(aliceEc2, 2, "tk", token);
        List<String> again = run(aliceEc2, 2, "tk", token);
        assertEquals(first, again);
        assertEquals("IdempotentParameterMismatch", Ec2Sdk.errorCode(() -> run(aliceEc2, 1, "tk", token)));
        aliceEc2.terminateInstances(b -> b.instanceIds(first));
    }

    @Test
    public void aDuplicateRuleRefusesTheWholeRequest() {
        String group = aliceEc2.createSecurityGroup(b -> b.groupName("dup" + System.nanoTime()).description("d"))
                .groupId();
        software.amazon.awssdk.services.ec2.model.IpPermission ssh = software.amazon.awssdk.services.ec2.model
                .IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp(
                        "198.18.0.0/16")).build();
        software.amazon.awssdk.services.ec2.model.IpPermission web = ssh.toBuilder().fromPort(80).toPort(80).build();
        aliceEc2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(ssh));
        assertEquals("InvalidPermission.Duplicate", Ec2Sdk.errorCode(() -> aliceEc2.authorizeSecurityGroupIngress(
                b -> b.groupId(group).ipPermissions(web, ssh))));
        // the new rule of the refused request was not added either
        assertEquals(1, aliceEc2.describeSecurityGroups(b -> b.groupIds(group)).securityGroups().get(0)
                .ipPermissions().size());
        aliceEc2.deleteSecurityGroup(b -> b.groupId(group));
    }

    @Test
    public void aDryRunChangesNothing() {
        int before = aliceEc2.describeInstances().reservations().size();
        assertEquals("DryRunOperation", Ec2Sdk.errorCode(() -> aliceEc2.runInstances(b -> b.imageId(image)
                .minCount(1).maxCount(1).dryRun(true))));
        assertEquals(before, aliceEc2.describeInstances().reservations().size());
    }

    @Test
    public void badInputGetsEc2ErrorCodes() throws Exception {
        String k = alice.apiKey();
        String s = alice.secret();
        assertError(400, "InvalidAction", Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action("LaunchRockets")));
        assertError(400, "MissingParameter", Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action("RunInstances",
                "ImageId", image, "MaxCount", "1")));
        assertError(400, "InvalidParameterValue", Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action(
                "RunInstances", "ImageId", image, "MinCount", "one", "MaxCount", "1")));
        assertError(400, "UnknownParameter", Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action(
                "DescribeInstances", "Colour", "blue")));
        assertError(400, "InvalidAMIID.Malformed", Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action(
                "RunInstances", "ImageId", "centos", "MinCount", "1", "MaxCount", "1")));
        assertError(403, "SignatureDoesNotMatch", Ec2Raw.post(SERVER, k, s + "x", "skyport-1", Ec2Raw.action(
                "DescribeInstances")));
        assertError(403, "SignatureDoesNotMatch", Ec2Raw.post(SERVER, k, s, "us-east-1", Ec2Raw.action(
                "DescribeInstances")));
        assertError(401, "AuthFailure", Ec2Raw.post(SERVER, "AKIDUNKNOWN", s, "skyport-1", Ec2Raw.action(
                "DescribeInstances")));
        assertError(401, "MissingAuthenticationToken", Ec2Raw.post(SERVER, k, null, "skyport-1", Ec2Raw.action(
                "DescribeInstances")));
        // and a well-formed request through the same path succeeds
        Ec2Raw.Reply ok = Ec2Raw.post(SERVER, k, s, "skyport-1", Ec2Raw.action("DescribeRegions"));
        assertEquals(ok.body(), 200, ok.status());
        assertTrue(ok.body(), ok.body().contains("<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                + "2016-11-15/\">"));
        assertNull(ok.code());
    }

    @Test
    public void switchedOffTheApiAnswersInEc2Xml() throws Exception {
        assertEquals(200, SERVER.admin().call("updateConfiguration", "name", "ec2.api.enabled", "value", "false")
                .status());
        try {
            Ec2Raw.Reply r = Ec2Raw.post(SERVER, alice.apiKey(), alice.secret(), "skyport-1",
                    Ec2Raw.action("DescribeRegions"));
            assertError(400, "UnsupportedOperation", r);
            assertEquals("UnsupportedOperation", Ec2Sdk.errorCode(() -> aliceEc2.describeRegions()));
        } finally {
            SERVER.admin().call("updateConfiguration", "name", "ec2.api.enabled", "value", "true");
        }
        assertFalse(aliceEc2.describeRegions().regions().isEmpty());
    }

    @Test
    public void thePanelGivesKeysClientConfigAndCallCounts() throws Exception {
        aliceEc2.describeAvailabilityZones();
        JsonObject cfg = alice.call("getEc2ClientConfig", "endpoint", "http://cloud.example:8080").inner()
                .getAsJsonObject("ec2clientconfig");
        assertEquals(alice.apiKey(), cfg.get("apikey").getAsString());
        assertEquals(alice.secret(), cfg.get("secretkey").getAsString());
        assertEquals("http://cloud.example:8080/ec2", cfg.get("endpoint").getAsString());
        assertTrue(cfg.get("awsconfig").getAsString(), cfg.get("awsconfig").getAsString()
                .contains("endpoint_url = http://cloud.example:8080/ec2\n"));
        assertTrue(cfg.get("awscredentials").getAsString().contains("aws_secret_access_key = " + alice.secret()));
        long zonesCalls = 0;
        for (JsonElement op : cfg.getAsJsonArray("operation")) {
            if ("DescribeAvailabilityZones".equals(op.getAsJsonObject().get("name").getAsString())) {
                zonesCalls = op.getAsJsonObject().get("calls").getAsLong();
            }
        }
        assertTrue(cfg.toString(), zonesCalls >= 1);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(SERVER.baseUrl() + "/ui/ec2/")).build(), java.net.http.HttpResponse.BodyHandlers
                .ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("src=\"panel.js\""));
        java.net.http.HttpResponse<String> script = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(SERVER.baseUrl() + "/ui/ec2/panel.js")).build(), java.net.http.HttpResponse
                .BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("getEc2ClientConfig"));
    }

    private static void assertError(int status, String code, Ec2Raw.Reply r) {
        assertEquals(r.body(), status, r.status());
        assertEquals(r.body(), code, r.code());
        assertTrue(r.contentType(), r.contentType().startsWith("text/xml"));
        assertTrue(r.body(), r.body().contains("<Response><Errors><Error><Code>") && r.body().contains("<RequestID>"));
    }
}
