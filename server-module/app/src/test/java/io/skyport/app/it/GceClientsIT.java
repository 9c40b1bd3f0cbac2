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
import io.skyport.app.it.GceScenario.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Stock Google Compute Engine clients, unchanged, against the server's GCE-compatible API: the
 * gcloud CLI (Debian's google-cloud-cli), google-api-python-client (Debian's python3-googleapi
 * with google-auth and google_auth_httplib2), Apache libcloud's GCE driver (Debian's
 * python3-libcloud), and for Node.js googleapis and {@code @google-cloud/compute} ({@code npm ci}
 * in {@code src/test/node}).
 *
 * <p>Each client runs in an account of its own, configured only with that account's
 * service-account key file (from the native command {@code createGceServiceAccountKey}) and the
 * server's endpoint. At the scenario's checkpoints the test looks at the same instances through
 * the native API (one VM, several views) and deploys a VM natively, which the client then finds,
 * uses and deletes through GCE. Client scenarios print their observations as JSON lines; the
 * assertions are here ({@link GceScenario}).
 */
public class GceClientsIT {
    private static final String GCLOUD = "/usr/bin/gcloud";
    private static final long GCLOUD_TIMEOUT_SECONDS = 240;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static GceScenario scenarios() {
        return new GceScenario(SERVER);
    }

    // ---------------------------------------------------------------- Python

    @Test
    public void googleApiPythonClient() throws IOException {
        for (String module : List.of("googleapiclient", "google.oauth2.service_account", "google_auth_httplib2",
                "httplib2")) {
            ExternalProcess.requirePythonModule(module, module.startsWith("googleapiclient") ? "python3-googleapi"
                    : module.startsWith("google.") ? "python3-google-auth"
                    : module.equals("httplib2") ? "python3-httplib2" : "python3-google-auth-httplib2");
        }
        GceScenario.requireTool("ssh-keygen", "openssh-client");
        GceScenario g = scenarios();
        Tenant tenant = g.tenant("gcepy");
        Path dir = GceScenario.scripts("python_api_client.py", "gce_checkpoints.py");
        try {
            GceScenario.Run run = g.run(tenant, List.of(ExternalProcess.PYTHON,
                    dir.resolve("python_api_client.py").toString()), dir, "gce-py");
            g.assertScenario(run, "python", true, true);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    /**
     * Apache libcloud's GCE driver (Debian's python3-libcloud), configured only through its
     * constructor: it takes no host, so the server is its {@code proxy_url} and answers it as
     * Google's hosts (the token at {@code /o/oauth2/token}, links as {@code https://www.googleapis.com/}).
     */
    @Test
    public void libcloudGceDriver() throws IOException {
        ExternalProcess.requirePythonModule("libcloud", "python3-libcloud");
        ExternalProcess.requirePythonModule("cryptography", "python3-cryptography");
        GceScenario g = scenarios();
        Tenant tenant = g.tenant("gcelc");
        Path dir = GceScenario.scripts("libcloud_gce.py", "gce_checkpoints.py");
        try {
            GceScenario.Run run = g.run(tenant, List.of(ExternalProcess.PYTHON, dir.resolve("libcloud_gce.py")
                    .toString()), dir, "gce-lc");
            if (run.summary == null || run.exit() != 0 || !run.summary.get("ok").getAsBoolean()) {
                fail("libcloud's GCE scenario failed at step " + (run.summary == null ? "?"
                        : run.summary.get("failed_step") + ": " + run.summary.get("error")) + "\n" + run.detail());
            }
            String d = run.detail();
            assertEquals("native API view at the checkpoints: " + run.nativeProblems, List.of(), run.nativeProblems);
            assertEquals(d, Set.of("running", "stopped", "deleted"), run.checkpoints);
            assertNotNull("no VM was deployed natively", run.nativeVm);
            // what libcloud saw, against what the test made natively and what the client asked for
            assertTrue(d, GceScenario.strings(run.event("zones").getAsJsonArray("names")).contains(GceScenario.ZONE));
            assertTrue(d, GceScenario.strings(run.event("listed").getAsJsonArray("names")).containsAll(
                    List.of("gce-lc-a", run.nativeVm)));
            JsonObject got = run.event("got");
            assertEquals(d, "running", got.get("state").getAsString());
            assertEquals(d, GceScenario.ZONE, got.get("zone").getAsString());
            assertEquals(d, "web", got.getAsJsonObject("metadata").get("role").getAsString());
            assertEquals(d, "stopped", run.event("stopped").get("state").getAsString());
            assertEquals(d, "running", run.event("started").get("state").getAsString());
            assertFalse(d, GceScenario.strings(run.event("destroyed").getAsJsonArray("left")).contains("gce-lc-a"));
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    // ---------------------------------------------------------------- Node.js

    @Test
    public void googleapisForNode() throws IOException {
        nodeScenario("googleapis", "googleapis");
    }

    @Test
    public void googleCloudComputeForNode() throws IOException {
        nodeScenario("compute", "@google-cloud/compute");
    }

    private void nodeScenario(String which, String pkg) throws IOException {
        Path project = GceScenario.moduleDir().resolve("src/test/node");
        List<Path> node = GceScenario.onPath("node");
        Live.require("node", !node.isEmpty(), "node is not on PATH");
        Live.require(pkg, Files.isDirectory(project.resolve("node_modules").resolve(pkg)),
                "run npm ci in " + project);
        GceScenario.requireTool("ssh-keygen", "openssh-client");
        GceScenario g = scenarios();
        Tenant tenant = g.tenant("gcenode");
        GceScenario.Run run = g.run(tenant, List.of(node.get(0).toString(),
                project.resolve("gce_scenario.mjs").toString(), which), project, "gce-" + which);
        // googleapis reports HTTP statuses; @google-cloud/compute (google-gax) reports gRPC codes
        // and has no aggregated list kind; neither Node client has batch requests
        g.assertScenario(run, which, which.equals("googleapis"), false);
    }

    // ---------------------------------------------------------------- gcloud

    @Test
    public void gcloudCli() throws IOException {
        Path config = Files.createTempDirectory("gcloud-config");
        try {
            GceScenario.Run version = null;
            if (Files.isExecutable(Path.of(GCLOUD))) {
                version = GceScenario.exec(List.of(GCLOUD, "version", "--format=json"), gcloudEnv(config), null, 120,
                        null);
            }
            Live.require("google-cloud-cli", version != null && version.exit() == 0,
                    GCLOUD + " is not the Google Cloud SDK: " + (version == null ? "missing" : version.stderr()));
            GceScenario g = scenarios();
            new Gcloud(g, g.tenant("gcecli"), config).scenario();
        } finally {
            TestServer.deleteTree(config);
        }
    }

    /**
     * The environment gcloud runs in: a scratch configuration directory and nothing of the
     * caller's Google settings. The properties that would make gcloud reach Google's own hosts
     * (usage reporting, update checks, surveys, probing for a GCE metadata server) are switched
     * off for every invocation, including the first.
     */
    private static Map<String, String> gcloudEnv(Path config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLOUDSDK_CONFIG", config.toString());
        env.put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
        env.put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true");
        env.put("CLOUDSDK_CORE_CHECK_GCE_METADATA", "false");
        env.put("CLOUDSDK_SURVEY_DISABLE_PROMPTS", "true");
        env.put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
        return env;
    }

    /** The gcloud scenario, one command at a time, each answer checked here. */
    private static final class Gcloud {
        private static final Pattern URI = Pattern.compile("(?m)^uri: (\\S+)");
        private static final String PARTIAL_FAILURE = "Some requests did not succeed";
        private static final Pattern SERVER_ERROR = Pattern.compile("(?m)^status: 5\\d\\d$");
        private final GceScenario g;
        private final Tenant tenant;
        private final Map<String, String> env;
        private final Set<String> uris = new TreeSet<>();
        private final String zone = GceScenario.ZONE;
        private final String prefix = "gce-cli";

        Gcloud(GceScenario g, Tenant tenant, Path config) {
            this.g = g;
            this.tenant = tenant;
            this.env = gcloudEnv(config);
        }

        /** Runs gcloud; the output is JSON for commands given {@code --format=json}. */
        GceScenario.Run gcloud(String... args) {
            List<String> cmd = new ArrayList<>(List.of(GCLOUD));
            cmd.addAll(List.of(args));
            boolean api = args[0].equals("compute");
            if (api) {
                // every HTTP request gcloud makes is logged, so where it went can be checked
                cmd.add("--log-http");
            }
            GceScenario.Run r = GceScenario.exec(cmd, env, null, GCLOUD_TIMEOUT_SECONDS, null);
            Matcher m = URI.matcher(r.stderr());
            while (m.find()) {
                uris.add(m.group(1));
            }
            // gcloud reports requests that failed inside a list or batch as a warning and exits 0,
            // and passes over some failed requests silently (a server error among them)
            if (r.exit() != 0 || r.stderr().contains(PARTIAL_FAILURE) || SERVER_ERROR.matcher(r.stderr()).find()) {
                fail("gcloud " + String.join(" ", args) + " exited " + r.exit() + "\nstdout: "
                        + GceScenario.tail(r.stdout(), 1200) + "\n" + http(r.stderr()));
            }
            return r;
        }

        /** What gcloud said, less the logged requests: each request as method, URI and status, and error bodies. */
        static String http(String stderr) {
            StringBuilder out = new StringBuilder("requests:\n");
            StringBuilder said = new StringBuilder();
            boolean inLog = false;
            for (String line : stderr.split("\n")) {
                if (line.equals("==== request start ====") || line.equals("---- response end ----")) {
                    inLog = line.startsWith("=");
                    continue;
                }
                if (line.matches("=+|-+")) {
                    continue;
                }
                if (line.startsWith("uri: ") || line.startsWith("method: ") || line.startsWith("status: ")) {
                    out.append("  ").append(line).append('\n');
                } else if (line.startsWith("{\"error\"")) {
                    out.append("    ").append(GceScenario.tail(line, 1500)).append('\n');
                } else if (!inLog && !line.isBlank()) {
                    said.append(line).append('\n');
                }
            }
            return GceScenario.tail(out.toString(), 6000) + "gcloud said:\n" + GceScenario.tail(said.toString(), 3000);
        }

        JsonElement json(String... args) {
            GceScenario.Run r = gcloud(args);
            try {
                return JsonParser.parseString(r.stdout().isBlank() ? "null" : r.stdout());
            } catch (RuntimeException e) {
                throw new AssertionError("gcloud " + String.join(" ", args) + " printed no JSON: " + r.stdout(), e);
            }
        }

        JsonObject describe(String name) {
            return json("compute", "instances", "describe", name, "--zone", zone, "--format=json").getAsJsonObject();
        }

        /** A step of the scenario: its failure is recorded and the scenario goes on. */
        private void step(String name, Runnable body) {
            try {
                body.run();
                passed.add(name);
            } catch (AssertionError | RuntimeException e) {
                failed.add(name + ": " + e.getMessage());
            }
        }

        private final List<String> passed = new ArrayList<>();
        private final List<String> failed = new ArrayList<>();
        private String imageName;
        private String imageProject;
        private String nativeName;

        void scenario() {
            String base = SERVER.baseUrl();
            String fw = prefix + "-ssh";
            List<String> names = List.of(prefix + "-a", prefix + "-b");
            String first = names.get(0);
            String script = "#!/bin/sh\necho started-by-gcloud";
            Set<String> all = new TreeSet<>(names);

            // the project first: set once an account is active, gcloud checks it with the Cloud
            // Resource Manager API, which this server does not serve
            gcloud("config", "set", "project", tenant.project());
            gcloud("config", "set", "api_endpoint_overrides/compute", base + "/compute/v1/");
            gcloud("config", "set", "auth/token_host", base + "/oauth2/token");
            gcloud("auth", "activate-service-account", "--key-file", tenant.keyFile().toString());
            JsonObject props = json("config", "list", "--format=json").getAsJsonObject();
            assertEquals(props.toString(), tenant.clientEmail(),
                    props.getAsJsonObject("core").get("account").getAsString());

            step("zones list", () -> {
                JsonArray zones = json("compute", "zones", "list", "--format=json").getAsJsonArray();
                assertTrue(zones.toString(), GceScenario.names(zones).contains(zone));
            });
            step("machine-types list", () -> {
                JsonArray types = json("compute", "machine-types", "list", "--zones", zone, "--format=json")
                        .getAsJsonArray();
                assertTrue(types.toString(), GceScenario.names(types).contains("small-instance"));
            });
            step("images list", () -> {
                JsonArray images = json("compute", "images", "list", "--format=json").getAsJsonArray();
                assertTrue("gcloud lists no image: " + images, images.size() > 0);
                String link = images.get(0).getAsJsonObject().get("selfLink").getAsString();
                Matcher image = Pattern.compile("/projects/([^/]+)/global/images/([^/]+)$").matcher(link);
                assertTrue(link, image.find());
                imageProject = image.group(1);
                imageName = image.group(2);
            });
            if (imageName == null) {
                // the first image the API lists for the project, to go on with
                JsonArray images = json("compute", "images", "list", "--no-standard-images", "--format=json")
                        .getAsJsonArray();
                imageName = images.get(0).getAsJsonObject().get("name").getAsString();
                imageProject = tenant.project();
            }

            step("project-info add-metadata", () -> {
                // gcloud reads the project's fingerprint and sends it with the merged items
                gcloud("compute", "project-info", "add-metadata", "--metadata", "team=gcloud,stage=one");
                gcloud("compute", "project-info", "remove-metadata", "--keys", "stage");
                JsonObject common = json("compute", "project-info", "describe", "--format=json").getAsJsonObject()
                        .getAsJsonObject("commonInstanceMetadata");
                assertEquals(common.toString(), "[{\"key\":\"team\",\"value\":\"gcloud\"}]",
                        common.get("items").toString());
            });

            step("firewall-rules create", () -> {
                gcloud("compute", "firewall-rules", "create", fw, "--network", "default", "--allow", "tcp:22",
                        "--source-ranges", "203.0.113.0/24", "--target-tags", "ssh", "--format=json");
                JsonObject rule = json("compute", "firewall-rules", "describe", fw, "--format=json")
                        .getAsJsonObject();
                assertEquals(rule.toString(), "[\"203.0.113.0/24\"]", rule.get("sourceRanges").toString());
                assertEquals(rule.toString(), "[\"ssh\"]", rule.get("targetTags").toString());
                JsonObject allowed = rule.getAsJsonArray("allowed").get(0).getAsJsonObject();
                assertEquals(rule.toString(), "tcp", allowed.get("IPProtocol").getAsString());
                assertEquals(rule.toString(), "[\"22\"]", allowed.get("ports").toString());
            });

            step("instances create", () -> {
                List<String> create = new ArrayList<>(List.of("compute", "instances", "create"));
                create.addAll(names);
                create.addAll(List.of("--zone", zone, "--machine-type", "small-instance", "--image", imageName,
                        "--image-project", imageProject, "--metadata", "startup-script=" + script,
                        "--labels", "env=test,client=gcloud", "--tags", "ssh", "--format=json"));
                JsonArray created = json(create.toArray(String[]::new)).getAsJsonArray();
                assertEquals(created.toString(), new TreeSet<>(names), GceScenario.names(created));
            });
            step("instances describe", () -> {
                for (String name : names) {
                    JsonObject d = describe(name);
                    assertEquals(d.toString(), "RUNNING", d.get("status").getAsString());
                    assertEquals(d.toString(), "test", d.getAsJsonObject("labels").get("env").getAsString());
                    assertEquals(d.toString(), "gcloud", d.getAsJsonObject("labels").get("client").getAsString());
                    assertEquals(d.toString(), script, GceScenario.metadata(d).get("startup-script"));
                    assertEquals(d.toString(), "[\"ssh\"]", d.getAsJsonObject("tags").get("items").toString());
                    assertTrue(d.toString(), d.get("machineType").getAsString()
                            .endsWith("/machineTypes/small-instance"));
                }
            });
            // one VM, several views: gcloud's instances are the account's running VMs, and a VM
            // deployed through the native API is an instance gcloud lists
            step("native view of the instances", () -> g.assertNative(tenant, "running", names));
            step("native deploy", () -> {
                nativeName = g.deployNative(tenant);
                all.add(nativeName);
            });
            step("instances list --filter", () -> {
                JsonArray listed = json("compute", "instances", "list", "--filter", "labels.env=test",
                        "--format=json").getAsJsonArray();
                assertEquals(listed.toString(), new TreeSet<>(names), GceScenario.names(listed));
                JsonArray one = json("compute", "instances", "list", "--filter", "name=" + names.get(1),
                        "--format=json").getAsJsonArray();
                assertEquals(one.toString(), Set.of(names.get(1)), GceScenario.names(one));
            });
            step("instances list (native VM included)", () -> {
                JsonArray listed = json("compute", "instances", "list", "--zones", zone, "--format=json")
                        .getAsJsonArray();
                assertEquals(listed.toString(), all, GceScenario.names(listed));
            });

            step("instances add-metadata", () -> {
                JsonObject before = describe(first);
                gcloud("compute", "instances", "add-metadata", first, "--zone", zone, "--metadata", "role=web");
                JsonObject after = describe(first);
                assertEquals(after.toString(), "web", GceScenario.metadata(after).get("role"));
                assertEquals(after.toString(), script, GceScenario.metadata(after).get("startup-script"));
                assertNotEquals("add-metadata left the fingerprint as it was: " + after,
                        before.getAsJsonObject("metadata").get("fingerprint").getAsString(),
                        after.getAsJsonObject("metadata").get("fingerprint").getAsString());
            });
            step("instances get-serial-port-output", () -> {
                GceScenario.Run serial = gcloud("compute", "instances", "get-serial-port-output", first, "--zone",
                        zone);
                assertFalse("empty serial port output", serial.stdout().isBlank());
            });
            step("instances stop", () -> {
                gcloud("compute", "instances", "stop", first, "--zone", zone);
                assertEquals("TERMINATED", describe(first).get("status").getAsString());
                g.assertNative(tenant, "stopped", List.of(first));
            });
            step("instances start", () -> {
                gcloud("compute", "instances", "start", first, "--zone", zone);
                assertEquals("RUNNING", describe(first).get("status").getAsString());
                g.assertNative(tenant, "running", List.of(first));
            });

            step("operations list --zones and describe", () -> {
                JsonObject stopOp = operations("--zones", zone);
                JsonObject described = json("compute", "operations", "describe", stopOp.get("name").getAsString(),
                        "--zone", zone, "--format=json").getAsJsonObject();
                assertEquals(described.toString(), "DONE", described.get("status").getAsString());
                assertEquals(described.toString(), stopOp.get("targetLink").getAsString(),
                        described.get("targetLink").getAsString());
            });
            step("operations list (every scope)", () -> operations());

            step("instances delete", () -> {
                List<String> delete = new ArrayList<>(List.of("compute", "instances", "delete"));
                delete.addAll(all);
                delete.addAll(List.of("--zone", zone, "--quiet"));
                gcloud(delete.toArray(String[]::new));
                JsonArray left = json("compute", "instances", "list", "--zones", zone, "--format=json")
                        .getAsJsonArray();
                assertEquals(left.toString(), Set.of(), GceScenario.names(left));
                g.assertNative(tenant, "deleted", new ArrayList<>(all));
            });
            step("firewall-rules delete", () -> {
                gcloud("compute", "firewall-rules", "delete", fw, "--quiet");
                JsonArray rules = json("compute", "firewall-rules", "list", "--format=json").getAsJsonArray();
                assertFalse(rules.toString(), GceScenario.names(rules).contains(fw));
            });

            // every request gcloud made went to this server
            List<String> elsewhere = uris.stream().filter(u -> !u.startsWith(base + "/")).toList();
            assertFalse("gcloud logged no HTTP request", uris.isEmpty());
            assertEquals("gcloud reached other hosts", List.of(), elsewhere);
            if (!failed.isEmpty()) {
                fail(failed.size() + " of " + (failed.size() + passed.size()) + " gcloud steps failed (passed: "
                        + passed + "):\n\n" + String.join("\n\n", failed));
            }
        }

        /** The operations gcloud lists (with the given scope flags); answers the stop of the first instance. */
        private JsonObject operations(String... scope) {
            List<String> cmd = new ArrayList<>(List.of("compute", "operations", "list"));
            cmd.addAll(List.of(scope));
            cmd.add("--format=json");
            JsonArray ops = json(cmd.toArray(String[]::new)).getAsJsonArray();
            JsonObject stopOp = null;
            Set<String> types = new TreeSet<>();
            for (JsonElement e : ops) {
                JsonObject op = e.getAsJsonObject();
                types.add(op.get("operationType").getAsString());
                if (op.get("operationType").getAsString().equals("stop")
                        && op.get("targetLink").getAsString().endsWith("/instances/" + prefix + "-a")) {
                    stopOp = op;
                }
            }
            assertTrue(ops.toString(), types.containsAll(Set.of("insert", "stop", "start", "setMetadata")));
            assertNotNull("no stop operation listed: " + ops, stopOp);
            return stopOp;
        }
    }
}
