package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The GCE answers against the Compute Engine v1 model gcloud ships (its apitools message classes,
 * generated from Google's discovery document), with clients/gce/gce_shape_check.py run by the
 * SDK's own Python: the answers of the golden walk ({@link GceGoldenScenario}) on a fresh server,
 * the golden fixtures themselves, and broken samples that must fail.
 */
public class GceShapeCheckIT {
    private static final String MESSAGES = "lib/googlecloudsdk/generated_clients/apis/compute/v1/compute_v1_messages.py";

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static Path sdk;
    private static String python;

    @BeforeClass
    public static void requireGcloud() {
        sdk = sdkRoot();
        String why = null;
        if (sdk == null || !Files.isRegularFile(sdk.resolve(MESSAGES))) {
            why = "no Google Cloud SDK with Compute v1 messages (gcloud on PATH, CLOUDSDK_ROOT_DIR or "
                    + "/usr/lib/google-cloud-sdk)";
        } else {
            python = Live.env("CLOUDSDK_PYTHON", Files.isExecutable(sdk.resolve(
                    "platform/bundledpythonunix/bin/python3")) ? sdk.resolve("platform/bundledpythonunix/bin/python3")
                    .toString() : ExternalProcess.PYTHON);
            ExternalProcess.Run probe = ExternalProcess.run(List.of(python, "--version"), Map.of(), 60);
            if (probe.exit() != 0) {
                why = python + " (the SDK's Python) does not run: " + probe.stderr().strip();
            }
        }
        Live.require("gcloud", why == null, why);
    }

    /** The SDK root: CLOUDSDK_ROOT_DIR, else that of the gcloud on PATH, else Debian's place. */
    static Path sdkRoot() {
        String env = System.getenv("CLOUDSDK_ROOT_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (String dir : Live.env("PATH", "").split(java.io.File.pathSeparator)) {
            Path gcloud = Path.of(dir.isEmpty() ? "." : dir, "gcloud");
            if (Files.isExecutable(gcloud)) {
                try {
                    return gcloud.toRealPath().getParent().getParent();
                } catch (IOException e) {
                    break;
                }
            }
        }
        Path debian = Path.of("/usr/lib/google-cloud-sdk");
        return Files.isDirectory(debian) ? debian : null;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GceShapeCheckIT.class.getResource("/" + name).toURI());
    }

    /** Runs the checker over (target, file) pairs. */
    private static ExternalProcess.Run check(List<String> options, List<String> pairs) throws URISyntaxException {
        List<String> cmd = new ArrayList<>(List.of(python, resource("clients/gce/gce_shape_check.py").toString(),
                "--sdk", sdk.toString()));
        cmd.addAll(options);
        cmd.addAll(pairs);
        return ExternalProcess.run(cmd, Map.of(), 300);
    }

    private static ExternalProcess.Run sample(String target, String name) throws URISyntaxException {
        return check(List.of(), List.of(target, resource("clients/gce/samples/" + name).toString()));
    }

    @Test
    public void aWellFormedInstancePasses() throws Exception {
        ExternalProcess.Run r = sample("compute.instances.get", "Instance.good.json");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains(": ok (compute.instances.get as Instance)"));
    }

    @Test
    public void unknownFieldsWrongTypesAndBadEnumsFail() throws Exception {
        ExternalProcess.Run op = sample("Operation", "Operation.bad.json");
        String out = op.stdout() + op.stderr();
        assertEquals(out, 1, op.exit());
        assertTrue(out, out.contains("$.id: number 8079846625907263731 where an int64 as a decimal string is expected"));
        assertTrue(out, out.contains("$.status: 'FINISHED' is not one of StatusValueValuesEnum's values"));
        assertTrue(out, out.contains("$.progress: string \"100\" where an integer (INT32) is expected"));
        assertTrue(out, out.contains("$.error.errors[0].severity: unknown field"));
        assertTrue(out, out.contains("$.done: unknown field (Operation has no such field)"));
        assertTrue("apitools itself does not place it: " + out, out.contains("$.done: not recognized by apitools"));
        ExternalProcess.Run list = sample("compute.instances.list", "InstanceList.bad.json");
        out = list.stdout() + list.stderr();
        assertEquals(out, 1, list.exit());
        assertTrue(out, out.contains("$.items[0].hostName: unknown field (Instance has no such field)"));
        assertTrue(out, out.contains("$.items[0].labels.env: number 3 where a string is expected"));
        assertTrue(out, out.contains("$.items[0].disks[0].boot: string where a boolean is expected"));
        assertTrue(out, out.contains("$.items[0].disks[0].diskSizeGb: number 10 where an int64"));
        ExternalProcess.Run unknown = sample("compute.instances.rename", "Instance.good.json");
        assertEquals(unknown.stdout(), 1, unknown.exit());
        assertTrue(unknown.stdout(), unknown.stdout().contains("no method compute.instances.rename"));
    }

    /** The reviewed fixtures' successful answers, their placeholders standing for any value. */
    @Test
    public void goldenFixturesFollowTheModel() throws Exception {
        Path dir = Files.createTempDirectory("gce-golden");
        try {
            List<String> pairs = new ArrayList<>();
            for (String fixture : GceGoldenIT.fixtures()) {
                JsonObject f = GceGolden.fixture(fixture);
                if (f.get("status").getAsInt() == 200) {
                    pairs.addAll(write(dir, fixture, GceGolden.pretty(f.get("response"))));
                }
            }
            assertTrue("successful golden answers found", pairs.size() / 2 >= 50);
            ExternalProcess.Run r = check(List.of("--placeholders"), pairs);
            assertEquals(r.stdout() + r.stderr(), 0, r.exit());
            assertEquals(r.stdout(), pairs.size() / 2, r.stdout().lines().filter(l -> l.contains(": ok (")).count());
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    /** What the server answers, every successful step of the golden walk, as gcloud would decode it. */
    @Test
    public void serverAnswersFollowTheModel() throws Exception {
        List<GceGoldenScenario.Step> steps = GceGoldenScenario.run(SERVER);
        Path dir = Files.createTempDirectory("gce-answers");
        try {
            List<String> pairs = new ArrayList<>();
            for (GceGoldenScenario.Step s : steps) {
                if (s.status() == 200) {
                    pairs.addAll(write(dir, s.fixture(), s.body()));
                }
            }
            assertTrue("successful answers found: " + steps.size(), pairs.size() / 2 >= 50);
            ExternalProcess.Run r = check(List.of(), pairs);
            String problems = String.join("\n", r.stdout().lines().filter(l -> !l.contains(": ok (")).toList());
            assertEquals("answers that gcloud's Compute v1 model does not describe:\n" + problems + r.stderr(), 0,
                    r.exit());
            assertEquals(r.stdout(), pairs.size() / 2, r.stdout().lines().filter(l -> l.contains(": ok (")).count());
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    /** A body written as {@code <fixture>.json}, and the method id the checker reads its type from. */
    private static List<String> write(Path dir, String fixture, String body) throws IOException {
        String method = fixture.split("\\.").length > 3 ? fixture.substring(0, fixture.lastIndexOf('.')) : fixture;
        Path file = dir.resolve(fixture + ".json");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        return List.of(method, file.toString());
    }
}
