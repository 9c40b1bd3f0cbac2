package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * What the GCE client tests share: an account with a service-account key file, running a client
 * scenario with checkpoints answered from the native API, and the assertions on the JSON lines a
 * scenario prints (the same events for every client, see {@code gce_scenario.mjs}).
 */
final class GceScenario {
    /** The demo zone {@code Sandbox-simulator} as GCE names it. */
    static final String ZONE = "sandbox-simulator";
    static final String REGION = "sandbox";
    private static final long TIMEOUT_SECONDS = 480;
    private static final Set<String> GONE = Set.of("Destroyed", "Expunging", "Expunged");
    private static final String NAME_PATTERN = "[a-z]([-a-z0-9]*[a-z0-9])?";

    private final TestServer server;

    GceScenario(TestServer server) {
        this.server = server;
    }

    /** An account with API keys and the service-account key file GCE clients are given. */
    record Tenant(String name, NativeClient client, String project, String clientEmail, Path keyFile) {
    }

    Tenant tenant(String prefix) throws IOException {
        String name = prefix + System.nanoTime();
        NativeClient client = server.tenant(name);
        NativeClient.Reply r = client.call("createGceServiceAccountKey");
        assertEquals("createGceServiceAccountKey: " + r.body(), 200, r.status());
        JsonObject key = r.inner().getAsJsonObject("serviceaccountkey");
        assertNotNull(r.body(), key);
        JsonObject file = JsonParser.parseString(key.get("keyfile").getAsString()).getAsJsonObject();
        assertEquals(file.toString(), "service_account", file.get("type").getAsString());
        assertEquals(r.body(), key.get("projectid").getAsString(), file.get("project_id").getAsString());
        assertEquals(r.body(), key.get("clientemail").getAsString(), file.get("client_email").getAsString());
        assertEquals(r.body(), key.get("privatekeyid").getAsString(), file.get("private_key_id").getAsString());
        assertEquals(r.body(), server.baseUrl() + "/oauth2/token", file.get("token_uri").getAsString());
        assertTrue(r.body(), file.get("private_key").getAsString().startsWith("-----BEGIN PRIVATE KEY-----"));
        Path keyFile = Files.createTempFile("gce-key", ".json");
        keyFile.toFile().deleteOnExit();
        Files.writeString(keyFile, key.get("keyfile").getAsString());
        return new Tenant(name, client, file.get("project_id").getAsString(), file.get("client_email").getAsString(),
                keyFile);
    }

    // ---------------------------------------------------------------- the native view

    List<JsonObject> vms(Tenant tenant) {
        NativeClient.Reply r = tenant.client().call("listVirtualMachines");
        assertEquals(r.body(), 200, r.status());
        List<JsonObject> out = new ArrayList<>();
        JsonArray list = r.inner().getAsJsonArray("virtualmachine");
        if (list != null) {
            list.forEach(e -> out.add(e.getAsJsonObject()));
        }
        return out;
    }

    /**
     * What the native API shows of the named instances at a checkpoint: "running" and "stopped"
     * expect VMs of those names in state Running / Stopped; "deleted" expects none left live.
     */
    List<String> nativeProblems(Tenant tenant, String checkpoint, List<String> names) {
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonObject vm : vms(tenant)) {
            String state = vm.get("state").getAsString();
            // a destroyed VM may linger under the same name; a live one wins
            states.merge(vm.get("name").getAsString(), state, (a, b) -> GONE.contains(a) ? b : a);
        }
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String state = states.get(name);
            String expected = switch (checkpoint) {
                case "running" -> "Running";
                case "stopped" -> "Stopped";
                default -> null;
            };
            if (expected == null) {
                if (state != null && !GONE.contains(state)) {
                    problems.add(checkpoint + ": VM " + name + " is still " + state);
                }
            } else if (!expected.equals(state)) {
                problems.add(checkpoint + ": VM " + name + " is " + (state == null ? "not among the account's VMs "
                        + states : "in state " + state));
            }
        }
        return problems;
    }

    void assertNative(Tenant tenant, String checkpoint, List<String> names) {
        assertEquals("native API view", List.of(), nativeProblems(tenant, checkpoint, names));
    }

    /** Deploys a VM through the native API into the GCE zone, waits for it, returns its name. */
    String deployNative(Tenant tenant) {
        NativeClient c = tenant.client();
        String zone = null;
        for (JsonElement e : c.call("listZones").inner().getAsJsonArray("zone")) {
            if (e.getAsJsonObject().get("name").getAsString().equalsIgnoreCase(ZONE)) {
                zone = e.getAsJsonObject().get("id").getAsString();
            }
        }
        assertNotNull("no native zone named " + ZONE, zone);
        String offering = null;
        for (JsonElement e : c.call("listServiceOfferings").inner().getAsJsonArray("serviceoffering")) {
            if (offering == null || e.getAsJsonObject().get("name").getAsString().equals("Small Instance")) {
                offering = e.getAsJsonObject().get("id").getAsString();
            }
        }
        String template = c.call("listTemplates", "templatefilter", "executable").inner().getAsJsonArray("template")
                .get(0).getAsJsonObject().get("id").getAsString();
        String name = "native-" + (System.nanoTime() % 1_000_000);
        NativeClient.Reply submit = c.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name);
        assertEquals(submit.body(), 200, submit.status());
        JsonObject job = c.awaitJob(submit.inner().get("jobid").getAsString());
        assertEquals("native deploy: " + job, 1, job.get("jobstatus").getAsInt());
        return name;
    }

    // ---------------------------------------------------------------- running a scenario

    /** A finished client process: exit code, output, and for scenarios the parsed events. */
    static final class Run {
        final int exit;
        final String stdout;
        final String stderr;
        final Map<String, JsonObject> events = new LinkedHashMap<>();
        JsonObject summary;
        final Set<String> checkpoints = new TreeSet<>();
        final List<String> nativeProblems = new ArrayList<>();
        String nativeVm;

        Run(int exit, String stdout, String stderr) {
            this.exit = exit;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        int exit() {
            return exit;
        }

        String stdout() {
            return stdout;
        }

        String stderr() {
            return stderr;
        }

        String detail() {
            return "exit " + exit + "\nsummary: " + summary + "\nevents: " + tail(events.toString(), 6000)
                    + "\nstderr (tail): " + tail(stderr, 6000);
        }

        JsonObject event(String name) {
            JsonObject e = events.get(name);
            assertNotNull("the scenario printed no " + name + " event\n" + detail(), e);
            return e;
        }
    }

    /**
     * Runs a process with only the given configuration of Google clients: the caller's
     * {@code CLOUDSDK_*}, {@code GOOGLE_*}, {@code GCLOUD_*} and {@code CLOUDSTACK_*} variables are
     * removed. {@code onCheckpoint}, if given, is asked about each {@code NAME.json} that appears
     * in {@code checkpoints} and its answer written to {@code NAME.ack}.
     */
    static Run exec(List<String> cmd, Map<String, String> env, Path workDir, long timeoutSeconds,
            BiFunction<String, JsonObject, String> onCheckpoint) {
        try {
            Path out = Files.createTempFile("gce-client", ".out");
            Path err = Files.createTempFile("gce-client", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd);
                if (workDir != null) {
                    pb.directory(workDir.toFile());
                }
                pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDSDK_") || k.startsWith("GOOGLE_")
                        || k.startsWith("GCLOUD_") || k.startsWith("CLOUDSTACK_") || k.startsWith("SKYPORT_GCE_"));
                pb.environment().putAll(env);
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                Set<String> handled = new HashSet<>();
                Path checkpoints = env.containsKey("SKYPORT_GCE_CHECKPOINTS")
                        ? Path.of(env.get("SKYPORT_GCE_CHECKPOINTS")) : null;
                while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() > deadline) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        fail(cmd + " did not finish in " + timeoutSeconds + " s; stdout: "
                                + tail(Files.readString(out, StandardCharsets.UTF_8), 3000) + "\nstderr: "
                                + tail(Files.readString(err, StandardCharsets.UTF_8), 6000));
                    }
                    if (checkpoints == null || onCheckpoint == null) {
                        continue;
                    }
                    try (var files = Files.list(checkpoints)) {
                        for (Path f : files.toList()) {
                            String file = f.getFileName().toString();
                            if (file.endsWith(".json") && handled.add(file)) {
                                String name = file.substring(0, file.length() - ".json".length());
                                String answer = onCheckpoint.apply(name,
                                        JsonParser.parseString(Files.readString(f)).getAsJsonObject());
                                Files.writeString(checkpoints.resolve(name + ".ack"), answer);
                            }
                        }
                    }
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    /**
     * Runs a scenario script for the tenant. At the "running" checkpoint the native API must show
     * the scenario's instances running; then a VM is deployed natively and its name handed to the
     * scenario, which must find it, and at the end delete it, through GCE.
     */
    Run run(Tenant tenant, List<String> cmd, Path workDir, String prefix) throws IOException {
        Path checkpoints = Files.createTempDirectory("gce-checkpoints");
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        String[] nativeVm = new String[1];
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SKYPORT_GCE_BASE", server.baseUrl());
            env.put("SKYPORT_GCE_KEY_FILE", tenant.keyFile().toString());
            env.put("SKYPORT_GCE_ZONE", ZONE);
            env.put("SKYPORT_GCE_PREFIX", prefix);
            env.put("SKYPORT_GCE_CHECKPOINTS", checkpoints.toString());
            Run run = exec(cmd, env, workDir, TIMEOUT_SECONDS, (name, data) -> {
                seen.add(name);
                List<String> names = new ArrayList<>();
                data.getAsJsonArray("instances").forEach(e -> names.add(e.getAsString()));
                try {
                    problems.addAll(nativeProblems(tenant, name, names));
                    if (name.equals("running")) {
                        nativeVm[0] = deployNative(tenant);
                        JsonObject answer = new JsonObject();
                        answer.addProperty("native_vm", nativeVm[0]);
                        return answer.toString();
                    }
                } catch (RuntimeException | AssertionError e) {
                    problems.add(name + ": " + e);
                }
                return "{}";
            });
            run.checkpoints.addAll(seen);
            run.nativeProblems.addAll(problems);
            run.nativeVm = nativeVm[0];
            for (String line : run.stdout.split("\n")) {
                line = line.strip();
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonObject o;
                try {
                    o = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    continue;
                }
                if (o.has("event")) {
                    run.events.put(o.get("event").getAsString(), o);
                } else if (o.has("ok")) {
                    run.summary = o;
                }
            }
            return run;
        } finally {
            TestServer.deleteTree(checkpoints);
        }
    }

    // ---------------------------------------------------------------- assertions on a scenario

    /**
     * The scenario's observations. {@code httpErrors}: the client reports an error's HTTP status
     * (else, like google-gax, its gRPC code); {@code batch}: the client ran the batch step.
     */
    void assertScenario(Run s, String client, boolean httpErrors, boolean batch) {
        if (s.summary == null) {
            fail("the scenario printed no JSON summary\nstdout: " + tail(s.stdout, 4000) + "\nstderr: "
                    + tail(s.stderr, 6000));
        }
        if (s.exit != 0 || !s.summary.get("ok").getAsBoolean()) {
            fail("the scenario failed at step " + s.summary.get("failed_step") + ": " + s.summary.get("error") + "\n"
                    + s.detail());
        }
        String d = s.detail();
        assertEquals("native API view at the checkpoints: " + s.nativeProblems, List.of(), s.nativeProblems);
        assertEquals(d, Set.of("running", "stopped", "deleted"), s.checkpoints);
        assertNotNull("no VM was deployed natively", s.nativeVm);

        JsonObject zones = s.event("zones");
        List<String> zoneNames = strings(zones.getAsJsonArray("names"));
        assertTrue(d, zoneNames.contains(ZONE));
        assertEquals(d, REGION, strings(zones.getAsJsonArray("regions")).get(zoneNames.indexOf(ZONE)));
        assertTrue(d, strings(s.event("machine_types").getAsJsonArray("names")).contains("small-instance"));
        List<String> images = strings(s.event("images").getAsJsonArray("names"));
        assertFalse(d, images.isEmpty());
        images.forEach(n -> assertTrue("image name " + n, n.matches(NAME_PATTERN)));

        JsonObject insert = s.event("insert");
        List<String> created = strings(insert.getAsJsonArray("names"));
        assertEquals(d, 2, created.size());
        for (int i = 0; i < created.size(); i++) {
            JsonObject op = insert.getAsJsonArray("ops").get(i).getAsJsonObject();
            assertOp(op, "insert", "/zones/" + ZONE + "/instances/" + created.get(i));
            assertTrue(d, op.get("zone").getAsString().endsWith("/zones/" + ZONE));
        }
        for (JsonElement e : s.event("insert_ops").getAsJsonArray("ops")) {
            JsonObject op = e.getAsJsonObject();
            assertTrue("an insert answers an Operation: " + op, op.get("name").getAsString().matches(".+")
                    && Set.of("PENDING", "RUNNING", "DONE").contains(op.get("status").getAsString()));
        }
        Set<String> ids = new HashSet<>();
        for (JsonElement e : s.event("described").getAsJsonArray("instances")) {
            JsonObject i = e.getAsJsonObject();
            assertEquals(d, "compute#instance", i.get("kind").getAsString());
            assertEquals(d, "RUNNING", i.get("status").getAsString());
            assertEquals(d, "test", i.getAsJsonObject("labels").get("env").getAsString());
            assertEquals(d, client, i.getAsJsonObject("labels").get("client").getAsString());
            JsonObject md = i.getAsJsonObject("metadata");
            assertEquals(d, "scenario:" + insert.get("ssh_key").getAsString(), md.get("ssh-keys").getAsString());
            assertEquals(d, insert.get("startup_script").getAsString(), md.get("startup-script").getAsString());
            assertFalse(d, i.get("fingerprint").getAsString().isEmpty());
            assertEquals(d, "[\"ssh\"]", i.get("tags").toString());
            assertEquals(d, insert.get("machine_type").getAsString(), i.get("machineType").getAsString());
            assertEquals(d, ZONE, i.get("zone").getAsString());
            assertTrue(d, i.get("selfLink").getAsString().endsWith("/zones/" + ZONE + "/instances/"
                    + i.get("name").getAsString()));
            assertTrue("distinct instance ids: " + d, ids.add(i.get("id").getAsString()));
        }

        Set<String> all = new TreeSet<>(created);
        all.add(s.nativeVm);
        JsonObject filtered = s.event("filtered");
        assertEquals(d, new TreeSet<>(created), new TreeSet<>(strings(filtered.getAsJsonArray("by_label"))));
        assertEquals(d, List.of(created.get(1)), strings(filtered.getAsJsonArray("by_name")));
        assertEquals(d, all, new TreeSet<>(strings(filtered.getAsJsonArray("all"))));
        JsonArray nativeSeen = filtered.getAsJsonArray("native");
        assertEquals(d, 1, nativeSeen.size());
        assertEquals(d, "RUNNING", nativeSeen.get(0).getAsJsonObject().get("status").getAsString());

        JsonArray pages = s.event("pages").getAsJsonArray("pages");
        List<String> paged = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            JsonObject page = pages.get(i).getAsJsonObject();
            List<String> names = strings(page.getAsJsonArray("names"));
            assertTrue("maxResults=1 answered more: " + pages, names.size() <= 1);
            assertEquals("a next page token on every page but the last: " + pages, i < pages.size() - 1,
                    page.get("token").getAsBoolean());
            paged.addAll(names);
        }
        assertTrue("paging takes several pages: " + pages, pages.size() >= 2);
        assertEquals("pages: " + pages, all.size(), paged.size());
        assertEquals("pages: " + pages, all, new TreeSet<>(paged));

        JsonObject aggregated = s.event("aggregated");
        assertTrue(d, strings(aggregated.getAsJsonArray("keys")).contains("zones/" + ZONE));
        assertEquals(d, all, new TreeSet<>(strings(aggregated.getAsJsonObject("names").getAsJsonArray("zones/"
                + ZONE))));
        if (!aggregated.get("kind").isJsonNull()) {
            assertEquals(d, "compute#instanceAggregatedList", aggregated.get("kind").getAsString());
        }

        for (String phase : List.of("stop", "start")) {
            JsonObject e = s.event(phase);
            for (int i = 0; i < created.size(); i++) {
                assertOp(e.getAsJsonArray("ops").get(i).getAsJsonObject(), phase, "/instances/" + created.get(i));
            }
            String status = phase.equals("stop") ? "TERMINATED" : "RUNNING";
            assertEquals(d, List.of(status, status), strings(e.getAsJsonArray("statuses")));
        }

        JsonObject md = s.event("set_metadata");
        assertOp(md.getAsJsonObject("op"), "setMetadata", "/instances/" + created.get(0));
        JsonObject after = md.getAsJsonObject("after");
        assertEquals(d, "web", after.getAsJsonObject("metadata").get("role").getAsString());
        assertTrue(d, after.getAsJsonObject("metadata").has("startup-script"));
        assertNotEquals("setMetadata changes the fingerprint: " + d, md.get("before").getAsString(),
                after.get("fingerprint").getAsString());
        assertFalse("setMetadata with a stale fingerprint succeeded: " + d, md.get("stale").isJsonNull());
        assertError(md.getAsJsonObject("stale"), httpErrors, 412, 9, d);
        assertEquals("a refused setMetadata changed nothing: " + d, "web",
                md.getAsJsonObject("after_stale").get("role").getAsString());

        JsonObject serial = s.event("serial");
        assertFalse("empty serial port output: " + d, serial.get("contents").isJsonNull()
                || serial.get("contents").getAsString().isEmpty());

        if (batch) {
            JsonObject b = s.event("batch");
            List<String> requested = strings(b.getAsJsonArray("requested"));
            assertEquals(d, 3, requested.size());
            JsonObject results = b.getAsJsonObject("results");
            for (String name : requested) {
                JsonObject r = results.getAsJsonObject(name);
                assertNotNull("no batch answer for " + name + ": " + d, r);
                assertEquals(d, name, r.get("name").getAsString());
                assertEquals(d, "RUNNING", r.get("status").getAsString());
            }
        }

        assertError(s.event("not_found").getAsJsonObject("error"), httpErrors, 404, 5, d);

        JsonObject ops = s.event("operations");
        assertTrue(d, strings(ops.getAsJsonArray("types")).containsAll(List.of("insert", "stop", "start",
                "setMetadata")));
        assertEquals(d, List.of("DONE"), strings(ops.getAsJsonArray("statuses")));

        JsonObject deleted = s.event("delete");
        List<String> doomed = strings(deleted.getAsJsonArray("names"));
        assertEquals(d, all, new TreeSet<>(doomed));
        for (int i = 0; i < doomed.size(); i++) {
            assertOp(deleted.getAsJsonArray("ops").get(i).getAsJsonObject(), "delete", "/instances/" + doomed.get(i));
        }
        assertEquals(d, List.of(), strings(deleted.getAsJsonArray("remaining")));
        // the firewall last: a scenario whose firewall failed goes on without it
        JsonObject fw = s.event("firewall");
        assertFalse("firewalls.insert failed: " + fw, fw.has("error"));
        assertOp(fw.getAsJsonObject("op"), "insert", "/global/firewalls/" + fw.get("name").getAsString());
        assertEquals(d, "[\"203.0.113.0/24\"]", fw.get("sourceRanges").toString());
        assertEquals(d, "[\"ssh\"]", fw.get("targetTags").toString());
        JsonObject allowed = fw.getAsJsonArray("allowed").get(0).getAsJsonObject();
        assertEquals(d, "tcp", allowed.get("IPProtocol").getAsString());
        assertEquals(d, "[\"22\"]", allowed.get("ports").toString());
        assertEquals(d, "default", fw.get("network").getAsString());

        JsonObject fwDelete = s.event("firewall_delete");
        assertOp(fwDelete.getAsJsonObject("op"), "delete", "/global/firewalls/" + fw.get("name").getAsString());
        assertFalse(d, strings(fwDelete.getAsJsonArray("remaining")).contains(fw.get("name").getAsString()));
    }

    private static void assertOp(JsonObject op, String type, String targetSuffix) {
        assertEquals("operation " + op, "DONE", op.get("status").getAsString());
        assertEquals("operation " + op, type, op.get("operationType").getAsString());
        assertTrue("operation " + op + " targets " + targetSuffix,
                op.get("targetLink").getAsString().endsWith(targetSuffix));
        assertTrue("operation " + op, op.get("error").isJsonNull());
    }

    /**
     * An error a client reported. {@code http}: the client reports the HTTP status and the GCE
     * error body; otherwise (google-gax) it may instead report the gRPC status the HTTP one maps to.
     */
    private static void assertError(JsonObject error, boolean http, int status, int grpc, String detail) {
        assertNotNull("no error: " + detail, error);
        if (http || !error.get("http").isJsonNull()) {
            assertEquals(error.toString(), status, error.get("http").getAsInt());
            assertEquals(error.toString(), status, error.get("code").getAsInt());
            assertFalse(error.toString(), error.get("reason").isJsonNull());
        } else {
            assertEquals(error.toString(), grpc, error.get("grpc").getAsInt());
        }
        assertFalse(error.toString(), error.get("message").isJsonNull() || error.get("message").getAsString()
                .isBlank());
    }

    // ---------------------------------------------------------------- helpers

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    /** The {@code name} of each object of an array. */
    static Set<String> names(JsonArray array) {
        Set<String> out = new TreeSet<>();
        array.forEach(e -> out.add(e.getAsJsonObject().get("name").getAsString()));
        return out;
    }

    /** An instance's metadata items as key to value. */
    static Map<String, String> metadata(JsonObject instance) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonObject md = instance.getAsJsonObject("metadata");
        if (md != null && md.has("items")) {
            for (JsonElement e : md.getAsJsonArray("items")) {
                JsonObject item = e.getAsJsonObject();
                out.put(item.get("key").getAsString(), item.has("value") ? item.get("value").getAsString() : null);
            }
        }
        return out;
    }

    /** Copies scenario scripts from the test class path into a fresh directory. */
    static Path scripts(String... names) throws IOException {
        Path dir = Files.createTempDirectory("gce-scenario");
        for (String name : names) {
            try (InputStream in = GceScenario.class.getResourceAsStream("/clients/gce/" + name)) {
                assertNotNull("missing test resource clients/gce/" + name, in);
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir;
    }

    static List<Path> onPath(String name) {
        return Ec2ClientsIT.onPath(name);
    }

    static Path moduleDir() {
        return Ec2ClientsIT.moduleDir();
    }

    static void requireTool(String tool, String debianPackage) {
        Live.require(debianPackage, !onPath(tool).isEmpty(), tool + " is not on PATH (install " + debianPackage + ")");
    }

    static String tail(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
