package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.GsonBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * The compatibility report's driver: runs the stock-client tests (EC2, GCE, cs, libcloud), each
 * against the real server its class starts, and records per client (test) its result and, per
 * operation it called, the server's own request timers (skyport.api.requests by api, command and
 * outcome) over that test. tools/compat/report.py turns the results into the Markdown and HTML
 * tables and fails when a row that passed in tools/compat/baseline.json no longer does.
 */
public class CompatIT {
    /** The client tests the report covers. */
    static final List<Class<?>> CLIENTS = List.of(Ec2ClientsIT.class, GceClientsIT.class, CsClientIT.class,
            LibcloudIT.class);

    /**
     * The API each client class's clients speak; the harness's own calls (accounts, keys, the
     * native view at checkpoints) go through the native API and are left out of EC2 and GCE rows.
     */
    private static final Map<Class<?>, String> API = Map.of(Ec2ClientsIT.class, "ec2", GceClientsIT.class, "gce",
            CsClientIT.class, "native", LibcloudIT.class, "native");

    /** One operation's calls during one client's test, from the server's timers. */
    record Operation(String api, String command, long ok, long clientErrors, long serverErrors, double meanMs,
                     String error) {
    }

    /** One client test's result. */
    record Client(String test, String status, String error, double seconds, List<Operation> operations) {
    }

    @Test
    public void stockClientsKeepPassingWhatTheyPassedBefore() throws IOException {
        Recorder recorder = new Recorder();
        JUnitCore junit = new JUnitCore();
        junit.addListener(recorder);
        ServerErrors errors = ServerErrors.attach();
        recorder.serverErrors = errors.events;
        try {
            junit.run(CLIENTS.toArray(new Class<?>[0]));
        } finally {
            errors.detach();
        }
        Path out = Ec2ClientsIT.moduleDir().resolve("target/compat");
        Files.createDirectories(out);
        Path results = out.resolve("results.json");
        Files.writeString(results, new GsonBuilder().setPrettyPrinting().create().toJson(recorder.clients),
                StandardCharsets.UTF_8);
        assertTrue("no client test ran", recorder.clients.size() >= CLIENTS.size());
        Path root = DocsIT.repoRoot();
        List<String> cmd = new ArrayList<>(List.of(ExternalProcess.PYTHON,
                root.resolve("tools/compat/report.py").toString(), "--results", results.toString(),
                "--out", out.toString(), "--check", root.resolve("tools/compat/baseline.json").toString()));
        ExternalProcess.Run r = ExternalProcess.run(cmd, Map.of(), 120);
        assertEquals("rows that passed in tools/compat/baseline.json fail now:\n" + r.stdout() + r.stderr(), 0,
                r.exit());
    }

    /**
     * The error text of server errors: each API's endpoint logs the exception behind a 5xx at
     * ERROR ("EC2 RunInstances failed ...", "GCE POST compute.instances.insert failed",
     * "command deployVirtualMachine failed"); a root appender keeps them as (api, command, text).
     */
    static final class ServerErrors extends AbstractAppender {
        private static final List<Map.Entry<String, Pattern>> PATTERNS = List.of(
                Map.entry("ec2", Pattern.compile("^EC2 (\\S+) failed")),
                Map.entry("gce", Pattern.compile("^GCE \\S+ (\\S+) failed")),
                Map.entry("native", Pattern.compile("^command (\\S+) failed")));
        final Queue<String[]> events = new ConcurrentLinkedQueue<>();

        private ServerErrors() {
            super("compat-server-errors", null, null, true, Property.EMPTY_ARRAY);
        }

        static ServerErrors attach() {
            ServerErrors appender = new ServerErrors();
            appender.start();
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ERROR, null);
            ctx.updateLoggers();
            return appender;
        }

        void detach() {
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            ctx.getConfiguration().getRootLogger().removeAppender(getName());
            ctx.updateLoggers();
            stop();
        }

        @Override
        public void append(LogEvent event) {
            String message = event.getMessage().getFormattedMessage();
            for (Map.Entry<String, Pattern> p : PATTERNS) {
                Matcher m = p.getValue().matcher(message);
                if (m.find()) {
                    Throwable t = event.getThrown();
                    events.add(new String[] {p.getKey(), m.group(1), t == null ? message : t.toString()});
                    return;
                }
            }
        }
    }

    /** The baseline check fails on a row that passed before and fails now, and only then. */
    @Test
    public void baselineCheckFailsOnARegressionOnly() throws IOException {
        Path dir = Files.createTempDirectory("compat-check");
        try {
            Files.writeString(dir.resolve("results.json"), "[{\"test\":\"X.a\",\"status\":\"pass\",\"error\":\"\","
                    + "\"seconds\":1,\"operations\":[{\"api\":\"ec2\",\"command\":\"RunInstances\",\"ok\":1,"
                    + "\"clientErrors\":0,\"serverErrors\":1,\"meanMs\":2,\"error\":\"java.lang.IllegalStateException: x\"}]}]");
            Files.writeString(dir.resolve("ok.json"), "{\"X.a\": \"pass\", \"X.a ec2:RunInstances\": \"fail\"}");
            Files.writeString(dir.resolve("regressed.json"), "{\"X.a\": \"pass\", \"X.a ec2:RunInstances\": \"pass\"}");
            ExternalProcess.Run ok = report(dir, "ok.json");
            assertEquals(ok.stdout() + ok.stderr(), 0, ok.exit());
            ExternalProcess.Run regressed = report(dir, "regressed.json");
            assertEquals(regressed.stdout() + regressed.stderr(), 1, regressed.exit());
            assertTrue(regressed.stdout(), regressed.stdout().contains("X.a ec2:RunInstances: was pass, now fail"));
            String md = Files.readString(dir.resolve("compat.md"));
            assertTrue(md, md.contains("| ec2 RunInstances | fail | 2 | 0 client, 1 server | 2.0 ms | "
                    + "java.lang.IllegalStateException: x |"));
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    /** A server error an endpoint logs (here as GCE's dispatcher does) is kept with its API, method and cause. */
    @Test
    public void serverErrorsAreKeptPerOperation() {
        ServerErrors errors = ServerErrors.attach();
        try {
            org.apache.logging.log4j.Logger log = LogManager.getLogger("io.skyport.gce.GceDispatcher");
            log.error("GCE {} {} failed", "POST", "compute.instances.insert", new IllegalStateException("no host"));
            log.error("something else failed");
            log.warn("command {} failed", "deployVirtualMachine");
        } finally {
            errors.detach();
        }
        LogManager.getLogger("io.skyport.api.NativeApiEndpoint").error("command {} failed", "listZones");
        List<List<String>> kept = errors.events.stream().map(List::of).toList();
        assertEquals(List.of(List.of("gce", "compute.instances.insert", "java.lang.IllegalStateException: no host")),
                kept);
    }

    private static ExternalProcess.Run report(Path dir, String baseline) {
        return ExternalProcess.run(List.of(ExternalProcess.PYTHON,
                DocsIT.repoRoot().resolve("tools/compat/report.py").toString(), "--results",
                dir.resolve("results.json").toString(), "--out", dir.toString(), "--check",
                dir.resolve(baseline).toString()), Map.of(), 120);
    }

    /** Snapshots a client class's server timers around each of its tests. */
    static final class Recorder extends RunListener {
        final List<Client> clients = new ArrayList<>();
        Queue<String[]> serverErrors = new ConcurrentLinkedQueue<>();
        private Map<List<String>, double[]> before = Map.of();
        private long started;
        private String status;
        private String error;

        @Override
        public void testStarted(Description d) {
            before = timers(d);
            serverErrors.clear();
            started = System.nanoTime();
            status = "pass";
            error = "";
        }

        @Override
        public void testFailure(Failure f) {
            status = "fail";
            error = String.valueOf(f.getMessage());
        }

        @Override
        public void testAssumptionFailure(Failure f) {
            status = "skip";
            error = String.valueOf(f.getMessage());
        }

        @Override
        public void testIgnored(Description d) {
            clients.add(new Client(name(d), "skip", "ignored", 0, List.of()));
        }

        @Override
        public void testFinished(Description d) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<List<String>, double[]> after = timers(d);
            // api, command -> ok, client errors, server errors, total ms
            Map<List<String>, double[]> ops = new TreeMap<>((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
            for (Map.Entry<List<String>, double[]> e : after.entrySet()) {
                double[] was = before.getOrDefault(e.getKey(), new double[2]);
                double calls = e.getValue()[0] - was[0];
                if (calls <= 0) {
                    continue;
                }
                List<String> key = e.getKey();
                if (!key.get(0).equals(API.get(d.getTestClass()))) {
                    continue;
                }
                double[] op = ops.computeIfAbsent(List.of(key.get(0), key.get(1)), k -> new double[4]);
                String outcome = key.get(2);
                op[outcome.equals("server-error") ? 2 : outcome.equals("client-error") || outcome.equals("unknown")
                        || outcome.equals("error") ? 1 : 0] += calls;
                op[3] += e.getValue()[1] - was[1];
            }
            Map<List<String>, String> errorText = new LinkedHashMap<>();
            for (String[] e : serverErrors) {
                errorText.putIfAbsent(List.of(e[0], e[1]), e[2]);
            }
            List<Operation> list = new ArrayList<>();
            ops.forEach((k, v) -> list.add(new Operation(k.get(0), k.get(1), (long) v[0], (long) v[1], (long) v[2],
                    Math.round(v[3] / (v[0] + v[1] + v[2]) * 10) / 10.0, errorText.getOrDefault(k, ""))));
            clients.add(new Client(name(d), status, error, Math.round(seconds * 10) / 10.0, list));
        }

        private static String name(Description d) {
            return d.getTestClass().getSimpleName() + "." + d.getMethodName();
        }

        /** (api, command, outcome) -> (count, total ms) of the class's server, empty when it has none. */
        private static Map<List<String>, double[]> timers(Description d) {
            Map<List<String>, double[]> out = new LinkedHashMap<>();
            MeterRegistry registry = registry(d.getTestClass());
            if (registry == null) {
                return out;
            }
            for (Timer t : registry.find("skyport.api.requests").timers()) {
                List<String> key = List.of(String.valueOf(t.getId().getTag("api")),
                        String.valueOf(t.getId().getTag("command")), String.valueOf(t.getId().getTag("outcome")));
                out.put(key, new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
            }
            return out;
        }

        private static MeterRegistry registry(Class<?> test) {
            try {
                Field f = test.getDeclaredField("SERVER");
                f.setAccessible(true);
                TestServer server = (TestServer) f.get(null);
                return server.server() == null ? null : server.server().metrics();
            } catch (ReflectiveOperationException | ClassCastException e) {
                return null;
            }
        }
    }
}
