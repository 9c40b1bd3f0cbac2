package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skyport.core.dispatch.CommandCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The documentation: its generated API reference matches the operations a real server registers
 * (committed pages, so the docs build needs no Java; a drift fails here), and Sphinx builds the
 * whole of docs/ with warnings as errors. {@code -Dskyport.docs.write=true} rewrites the pages.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DocsIT {
    private static final long SPHINX_TIMEOUT_SECONDS = 600;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    static Path repoRoot() {
        return Ec2ClientsIT.moduleDir().getParent().getParent();
    }

    @Test
    public void a_apiReferenceMatchesTheCode() throws IOException {
        Map<String, String> pages = ApiReference.render(SERVER.server().coreBean(CommandCatalog.class));
        Path dir = repoRoot().resolve("docs/reference");
        for (String api : List.of("native.rst", "ec2.rst", "gce.rst")) {
            assertTrue("no reference page " + api + " generated", pages.containsKey(api));
            assertTrue(api + " lists no operation: the catalog is empty",
                    pages.get(api).contains("\n--"));
        }
        if (Boolean.getBoolean("skyport.docs.write")) {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : pages.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> drifted = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Path file = dir.resolve(e.getKey());
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!committed.equals(e.getValue())) {
                drifted.add(e.getKey() + " (" + firstDifference(committed, e.getValue()) + ")");
            }
        }
        assertEquals("docs/reference differs from the server's operations; regenerate with "
                + "-Dit.test=DocsIT -Dskyport.docs.write=true and commit", List.of(), drifted);
    }

    @Test
    public void b_sphinxBuildsWithWarningsAsErrors() throws IOException {
        List<Path> sphinx = Ec2ClientsIT.onPath("sphinx-build");
        Live.require("python3-sphinx", !sphinx.isEmpty(), "sphinx-build is not on PATH (install python3-sphinx)");
        ExternalProcess.requirePythonModule("myst_parser", "python3-myst-parser");
        Path root = repoRoot();
        Path out = Ec2ClientsIT.moduleDir().resolve("target/docs-html");
        TestServer.deleteTree(out);
        ExternalProcess.Run r = ExternalProcess.run(List.of(sphinx.get(0).toString(), "-W", "--keep-going", "-n",
                "-q", "-b", "html", "-d", out.resolve(".doctrees").toString(), root.resolve("docs").toString(),
                out.toString()), Map.of(), SPHINX_TIMEOUT_SECONDS);
        assertEquals("sphinx-build failed:\n" + r.stdout() + r.stderr(), 0, r.exit());
        TreeSet<String> built = new TreeSet<>();
        try (var walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".html")).forEach(p -> built.add(out.relativize(p).toString()));
        }
        for (String page : List.of("index.html", "install.html", "admin.html", "reference/native.html",
                "reference/ec2.html", "reference/gce.html", "compat.html", "compat-report.html")) {
            assertTrue("the build has no " + page + ": " + built, built.contains(page));
        }
        String nativeRef = Files.readString(out.resolve("reference/native.html"), StandardCharsets.UTF_8);
        assertTrue("the native reference page does not describe deployVirtualMachine",
                nativeRef.contains("deployVirtualMachine"));
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ": committed '" + x[i] + "', code '" + y[i] + "'";
            }
        }
        return "committed has " + x.length + " lines, code " + y.length;
    }
}
