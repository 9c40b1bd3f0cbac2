package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.extid.ExternalIdDao;
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
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Stock EC2 clients, unchanged, against the real server's EC2 endpoint: the AWS CLI v2 (Debian's
 * awscli) and v1 (the first {@code aws} on PATH that is v1), boto3 from Debian
 * (python3-boto3 under {@code /usr/bin/python3}) and the current one (the first other
 * {@code python3} on PATH with boto3), the AWS SDK for JavaScript v3 ({@code npm ci} in
 * {@code src/test/node}) and libcloud's Eucalyptus driver (python3-libcloud).
 *
 * <p>Each client runs its scenario in an account of its own, with a second account's keys for the
 * tenant isolation checks. At the scenario's checkpoints the test looks at the same instances
 * through the native API (one VM, several views) before letting the scenario go on.
 */
public class Ec2ClientsIT {
    private static final long TIMEOUT_SECONDS = 600;
    private static final String REGION = "skyport-1";
    private static final String ZONE = "Sandbox-simulator";
    private static final Set<String> GONE = Set.of("Destroyed", "Expunging", "Expunged");
    /** How the EC2 API records the instance ids it mints ({@link ExternalIdDao}). */
    private static final String EC2_API = "ec2";
    private static final String INSTANCE_KIND = "instance";

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static Tenant other;

    /** An account with its API keys, which are its EC2 access key and secret. */
    record Tenant(String name, String accessKey, String secretKey, NativeClient client) {
    }

    @BeforeClass
    public static void otherTenant() {
        other = tenant("ec2other");
    }

    private static Tenant tenant(String prefix) {
        String name = prefix + System.nanoTime();
        NativeClient.Reply created = SERVER.admin().call("createAccount", "username", name, "password",
                "Tenant-Passw0rd", "firstname", "E", "lastname", "C", "email", name + "@example.org");
        assertEquals(created.body(), 200, created.status());
        JsonObject account = created.inner().getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = SERVER.admin().call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        String key = keys.get("apikey").getAsString();
        String secret = keys.get("secretkey").getAsString();
        return new Tenant(name, key, secret, new NativeClient(SERVER.baseUrl(), key, secret));
    }

    // ---------------------------------------------------------------- the clients

    @Test
    public void awsCliV2() throws IOException {
        String aws = "/usr/bin/aws";
        String version = version(List.of(aws, "--version"));
        Live.require("awscli", version.startsWith("aws-cli/2."), aws + " is not the AWS CLI v2 (install Debian's "
                + "awscli): " + version);
        cliScenario(aws);
    }

    @Test
    public void awsCliV1() throws IOException {
        String found = null;
        List<String> seen = new ArrayList<>();
        for (Path aws : onPath("aws")) {
            String version = version(List.of(aws.toString(), "--version"));
            seen.add(aws + ": " + version);
            if (version.startsWith("aws-cli/1.")) {
                found = aws.toString();
                break;
            }
        }
        Live.require("awscli v1", found != null, "no aws on PATH is the AWS CLI v1: " + seen);
        cliScenario(found);
    }

    @Test
    public void boto3FromDebian() throws IOException {
        ExternalProcess.requirePythonModule("boto3", "python3-boto3");
        boto3Scenario(ExternalProcess.PYTHON);
    }

    @Test
    public void boto3Current() throws IOException {
        String found = null;
        List<String> seen = new ArrayList<>();
        // the system interpreter may be on PATH under another name (/bin is /usr/bin on Debian 12)
        String system = Files.exists(Path.of(ExternalProcess.PYTHON))
                ? Path.of(ExternalProcess.PYTHON).toRealPath().toString() : ExternalProcess.PYTHON;
        for (Path python : onPath("python3")) {
            ExternalProcess.Run probe = ExternalProcess.run(List.of(python.toString(), "-c",
                    "import os, sys, boto3; print(os.path.realpath(sys.executable), boto3.__version__)"), Map.of(), 60);
            seen.add(python + ": " + (probe.exit() == 0 ? probe.stdout().strip() : probe.stderr().strip()));
            if (probe.exit() == 0 && !probe.stdout().startsWith(system + " ")) {
                found = python.toString();
                break;
            }
        }
        Live.require("boto3 (current)", found != null, "no python3 on PATH other than " + ExternalProcess.PYTHON
                + " imports boto3: " + seen);
        boto3Scenario(found);
    }

    @Test
    public void awsSdkForJavaScript() throws IOException {
        Path project = moduleDir().resolve("src/test/node");
        List<Path> node = onPath("node");
        Live.require("node", !node.isEmpty(), "node is not on PATH");
        Live.require("@aws-sdk/client-ec2", Files.isDirectory(project.resolve("node_modules/@aws-sdk/client-ec2")),
                "run npm ci in " + project);
        requireTool("ssh-keygen", "openssh-client");
        Tenant tenant = tenant("ec2node");
        Scenario s = run(tenant, List.of(node.get(0).toString(), project.resolve("sdk_scenario.mjs").toString()),
                Map.of(), project);
        s.assertOk();
        assertTwoInstancesTerminated(s);
        assertErrorCodes(s);
        s.assertCheckpoints("running", "stopped", "terminated");
        assertNoLiveVm(tenant);
    }

    @Test
    public void libcloudEucalyptusDriver() throws IOException {
        ExternalProcess.requirePythonModule("libcloud", "python3-libcloud");
        Tenant tenant = tenant("ec2euca");
        Path dir = scripts("libcloud_eucalyptus.py");
        try {
            Scenario s = run(tenant, List.of(ExternalProcess.PYTHON, dir.resolve("libcloud_eucalyptus.py").toString()),
                    Map.of(), dir);
            s.assertOk();
            JsonObject summary = s.summary;
            assertEquals(s.detail(), "2", summary.get("signature_version").getAsString());
            assertEquals(s.detail(), "2016-11-15", summary.get("api_version").getAsString());
            String id = summary.getAsJsonObject("node").get("id").getAsString();
            assertTrue(s.detail(), id.matches("i-[0-9a-f]{17}"));
            assertEquals(s.detail(), "running", summary.getAsJsonObject("listed").get("state").getAsString());
            assertEquals(s.detail(), "[\"terminated\"]", summary.getAsJsonArray("after_destroy").toString());
            assertTrue(s.detail(), summary.getAsJsonArray("images").size() > 0);
            s.assertCheckpoints("running", "terminated");
            assertNoLiveVm(tenant);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    private void cliScenario(String aws) throws IOException {
        requireTool("jq", "jq");
        requireTool("ssh-keygen", "openssh-client");
        Tenant tenant = tenant("ec2cli");
        Path dir = scripts("aws_cli_scenario.sh");
        try {
            Scenario s = run(tenant, List.of("bash", dir.resolve("aws_cli_scenario.sh").toString()), Map.of("AWS", aws),
                    dir);
            s.assertOk();
            assertTrue(s.detail(), s.summary.get("version").getAsString().startsWith(aws.equals("/usr/bin/aws")
                    ? "aws-cli/2." : "aws-cli/1."));
            assertTwoInstancesTerminated(s);
            assertEquals(s.detail(), "InvalidInstanceID.NotFound", s.summary.get("other_tenant").getAsString());
            s.assertCheckpoints("running", "stopped", "terminated");
            assertNoLiveVm(tenant);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    private void boto3Scenario(String python) throws IOException {
        requireTool("ssh-keygen", "openssh-client");
        Tenant tenant = tenant("ec2boto");
        Path dir = scripts("boto3_scenario.py", "botocore_shape_check.py");
        try {
            Scenario s = run(tenant, List.of(python, dir.resolve("boto3_scenario.py").toString()), Map.of(), dir);
            s.assertOk();
            JsonObject summary = s.summary;
            assertEquals(s.detail(), "[]", summary.getAsJsonArray("shape_violations").toString());
            assertTrue(s.detail(), summary.get("responses_checked").getAsInt() >= 40);
            Set<String> operations = strings(summary.getAsJsonArray("operations"));
            assertTrue(s.detail(), operations.containsAll(Set.of("DescribeRegions", "DescribeAvailabilityZones",
                    "DescribeImages", "DescribeInstanceTypes", "ImportKeyPair", "CreateSecurityGroup",
                    "AuthorizeSecurityGroupIngress", "RunInstances", "DescribeInstances", "StopInstances",
                    "StartInstances", "GetConsoleOutput", "TerminateInstances", "DeleteKeyPair",
                    "DeleteSecurityGroup")));
            assertTwoInstancesTerminated(s);
            assertErrorCodes(s);
            JsonObject isolation = summary.getAsJsonObject("other_tenant");
            assertEquals(s.detail(), "InvalidInstanceID.NotFound", isolation.get("terminate").getAsString());
            assertEquals(s.detail(), 0, isolation.getAsJsonArray("listed").size());
            JsonArray pages = summary.getAsJsonArray("pages");
            assertTrue("MaxResults=5 over 6 instances takes two pages: " + s.detail(), pages.size() >= 2);
            assertEquals(s.detail(), 6, summary.getAsJsonObject("final_states").size());
            s.assertCheckpoints("running", "stopped", "terminated");
            assertNoLiveVm(tenant);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    // ---------------------------------------------------------------- shared assertions

    private static void assertTwoInstancesTerminated(Scenario s) {
        Set<String> ids = strings(s.summary.getAsJsonArray("instances"));
        assertEquals(s.detail(), 2, ids.size());
        for (String id : ids) {
            assertTrue(s.detail(), id.matches("i-[0-9a-f]{17}"));
            assertEquals(s.detail(), "terminated", s.summary.getAsJsonObject("final_states").get(id).getAsString());
        }
    }

    private static void assertErrorCodes(Scenario s) {
        assertEquals(s.detail(), "InvalidInstanceID.NotFound", s.summary.get("not_found").getAsString());
        assertEquals(s.detail(), "DryRunOperation", s.summary.get("dry_run").getAsString());
        assertEquals(s.detail(), "InvalidParameterValue", s.summary.get("bad_filter").getAsString());
        assertEquals(s.detail(), "InvalidInstanceID.NotFound",
                s.summary.getAsJsonObject("other_tenant").get("describe").getAsString());
    }

    /** After the scenario, the account's VMs are all destroyed (or gone). */
    private static void assertNoLiveVm(Tenant tenant) {
        List<String> live = new ArrayList<>();
        for (JsonObject vm : vms(tenant)) {
            if (!GONE.contains(vm.get("state").getAsString())) {
                live.add(vm.get("name").getAsString() + "=" + vm.get("state").getAsString());
            }
        }
        assertEquals("VMs left running after the EC2 client terminated its instances", List.of(), live);
    }

    private static List<JsonObject> vms(Tenant tenant) {
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
     * What the native API shows at a scenario's checkpoint: each instance the EC2 client holds is a
     * VM of the account (matched through the ids the EC2 API minted for the account's VMs) named
     * after its Name tag, in the state the checkpoint names; after termination none is left running.
     */
    private static List<String> nativeView(Tenant tenant, String checkpoint, JsonObject data) {
        String name = data.get("name").getAsString();
        List<JsonObject> vms = vms(tenant);
        Map<String, String> ec2Ids = SERVER.server().coreBean(ExternalIdDao.class).findAll(EC2_API, INSTANCE_KIND,
                vms.stream().map(vm -> vm.get("id").getAsString()).toList());
        Map<String, JsonObject> byEc2Id = new LinkedHashMap<>();
        for (JsonObject vm : vms) {
            String ec2Id = ec2Ids.get(vm.get("id").getAsString());
            if (ec2Id != null) {
                byEc2Id.put(ec2Id, vm);
            }
        }
        String expected = switch (checkpoint) {
            case "running" -> "Running";
            case "stopped" -> "Stopped";
            default -> null;
        };
        List<String> problems = new ArrayList<>();
        for (JsonElement e : data.getAsJsonArray("instances")) {
            String id = e.getAsString();
            JsonObject vm = byEc2Id.get(id);
            if (expected == null) {
                if (vm != null && !GONE.contains(vm.get("state").getAsString())) {
                    problems.add(checkpoint + ": " + id + " is VM " + vm.get("id").getAsString() + ", still "
                            + vm.get("state").getAsString());
                }
                continue;
            }
            if (vm == null) {
                problems.add(checkpoint + ": " + id + " is none of the account's VMs " + ec2Ids);
                continue;
            }
            String state = vm.get("state").getAsString();
            String vmName = vm.get("name").getAsString();
            String displayName = vm.has("displayname") ? vm.get("displayname").getAsString() : null;
            if (!expected.equals(state)) {
                problems.add(checkpoint + ": " + id + " is VM " + vm.get("id").getAsString() + " in state " + state);
            }
            if (!name.equals(vmName) && !name.equals(displayName)) {
                problems.add(checkpoint + ": " + id + " has the Name tag " + name + " but the VM is named " + vmName
                        + " / " + displayName);
            }
        }
        if (expected == null) {
            for (JsonObject vm : vms) {
                if (!GONE.contains(vm.get("state").getAsString())) {
                    problems.add(checkpoint + ": VM " + vm.get("name").getAsString() + " is still "
                            + vm.get("state").getAsString());
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- running a scenario

    /** A finished scenario: its exit code, output, JSON summary and what the checkpoints found. */
    static final class Scenario {
        int exit;
        String stdout;
        String stderr;
        JsonObject summary;
        final Set<String> checkpoints = new TreeSet<>();
        final List<String> nativeProblems = new ArrayList<>();

        String detail() {
            return "exit " + exit + "\nsummary: " + summary + "\nstderr (tail): " + tail(stderr, 6000);
        }

        void assertOk() {
            if (summary == null) {
                fail("the scenario printed no JSON summary\nstdout: " + tail(stdout, 4000) + "\nstderr: "
                        + tail(stderr, 6000));
            }
            if (exit != 0 || !summary.get("ok").getAsBoolean()) {
                fail("the scenario failed at step " + (summary.has("failed_step") ? summary.get("failed_step") : "?")
                        + ": " + (summary.has("error") ? summary.get("error").getAsString() : "") + "\n" + detail());
            }
            assertEquals("native API view at the checkpoints: " + nativeProblems, List.of(), nativeProblems);
        }

        void assertCheckpoints(String... expected) {
            assertEquals(detail(), new TreeSet<>(List.of(expected)), checkpoints);
        }
    }

    private static Scenario run(Tenant tenant, List<String> cmd, Map<String, String> extraEnv, Path workDir)
            throws IOException {
        Path checkpoints = Files.createTempDirectory("ec2-checkpoints");
        Path out = Files.createTempFile("ec2-scenario", ".out");
        Path err = Files.createTempFile("ec2-scenario", ".err");
        Scenario s = new Scenario();
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
            Map<String, String> env = pb.environment();
            // only what the test gives configures a client
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("CLOUDSTACK_"));
            env.put("AWS_CONFIG_FILE", checkpoints.resolve("no-aws-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", checkpoints.resolve("no-aws-credentials").toString());
            env.put("AWS_ACCESS_KEY_ID", tenant.accessKey());
            env.put("AWS_SECRET_ACCESS_KEY", tenant.secretKey());
            env.put("SKYPORT_EC2_ENDPOINT", SERVER.baseUrl() + "/ec2");
            env.put("SKYPORT_EC2_REGION", REGION);
            env.put("SKYPORT_EC2_ZONE", ZONE);
            env.put("SKYPORT_EC2_OTHER_ACCESS_KEY", other.accessKey());
            env.put("SKYPORT_EC2_OTHER_SECRET_KEY", other.secretKey());
            env.put("SKYPORT_EC2_CHECKPOINTS", checkpoints.toString());
            env.putAll(extraEnv);
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            Set<String> handled = new HashSet<>();
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    fail(cmd + " did not finish in " + TIMEOUT_SECONDS + " s; stderr: "
                            + tail(Files.readString(err, StandardCharsets.UTF_8), 6000));
                }
                try (var files = Files.list(checkpoints)) {
                    for (Path f : files.toList()) {
                        String file = f.getFileName().toString();
                        if (file.endsWith(".json") && handled.add(file)) {
                            String name = file.substring(0, file.length() - ".json".length());
                            s.checkpoints.add(name);
                            try {
                                s.nativeProblems.addAll(nativeView(tenant, name,
                                        JsonParser.parseString(Files.readString(f)).getAsJsonObject()));
                            } catch (RuntimeException | AssertionError e) {
                                s.nativeProblems.add(name + ": " + e);
                            }
                            Files.writeString(checkpoints.resolve(name + ".ack"), "ok");
                        }
                    }
                }
            }
            s.exit = p.exitValue();
            s.stdout = Files.readString(out, StandardCharsets.UTF_8);
            s.stderr = Files.readString(err, StandardCharsets.UTF_8);
            String[] lines = s.stdout.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            if (last.startsWith("{")) {
                s.summary = JsonParser.parseString(last).getAsJsonObject();
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            TestServer.deleteTree(checkpoints);
        }
    }

    // ---------------------------------------------------------------- finding clients

    /** Copies scenario scripts from the test class path into a fresh directory. */
    static Path scripts(String... names) throws IOException {
        Path dir = Files.createTempDirectory("ec2-scenario");
        for (String name : names) {
            try (InputStream in = Ec2ClientsIT.class.getResourceAsStream("/clients/ec2/" + name)) {
                assertNotNull("missing test resource clients/ec2/" + name, in);
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return dir;
    }

    /** Every executable called {@code name} on PATH, in PATH order. */
    static List<Path> onPath(String name) {
        List<Path> out = new ArrayList<>();
        for (String dir : Live.env("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !out.contains(candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    private static void requireTool(String tool, String debianPackage) {
        Live.require(debianPackage, !onPath(tool).isEmpty(), tool + " is not on PATH (install " + debianPackage + ")");
    }

    private static String version(List<String> cmd) {
        if (!Files.isExecutable(Path.of(cmd.get(0)))) {
            return cmd.get(0) + " not found";
        }
        ExternalProcess.Run r = ExternalProcess.run(cmd, Map.of(), 60);
        return (r.stdout() + r.stderr()).strip();
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir"));
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> out = new TreeSet<>();
        if (array != null) {
            for (JsonElement e : array) {
                out.add(e.getAsString());
            }
        }
        return out;
    }

    private static String tail(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
