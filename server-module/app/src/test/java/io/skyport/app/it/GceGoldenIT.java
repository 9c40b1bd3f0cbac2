package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Every GCE method against its golden fixture (see {@link GceGolden}, {@link GceGoldenScenario}):
 * a fresh project walks a firewall, an instance, a disk and an address through their lives; each
 * answer's status and body are compared with the fixture. All differences are reported together.
 */
public class GceGoldenIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @Test
    public void everyMethodAnswersAsItsFixture() throws Exception {
        List<GceGoldenScenario.Step> steps = GceGoldenScenario.run(SERVER);
        StringBuilder report = new StringBuilder();
        int differing = 0;
        for (GceGoldenScenario.Step s : steps) {
            if (!s.diffs().isEmpty()) {
                differing++;
                report.append("\n== ").append(s.fixture()).append('\n');
                s.diffs().forEach(d -> report.append("  ").append(d).append('\n'));
            }
        }
        assertTrue(differing + " of " + steps.size() + " fixtures differ" + (GceGoldenScenario.UPDATE
                ? " (rewritten: review them)" : "") + ":" + report, differing == 0);
        assertEquals("every fixture is exercised, once", fixtures(), steps.stream()
                .map(GceGoldenScenario.Step::fixture).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(steps.size(), fixtures().size());
    }

    @Test
    public void everyGceMethodHasAFixture() throws Exception {
        Set<String> methods = new TreeSet<>();
        for (CommandDescriptor d : SERVER.server().coreBean(CommandCatalog.class).list("gce")) {
            methods.add(d.name());
        }
        assertTrue("the catalog lists the GCE methods: " + methods, methods.contains("compute.instances.insert"));
        Set<String> covered = new TreeSet<>();
        for (String f : fixtures()) {
            covered.add(f.split("\\.").length > 3 ? f.substring(0, f.lastIndexOf('.')) : f);
        }
        Set<String> missing = new TreeSet<>(methods);
        missing.removeAll(covered);
        assertEquals("GCE methods without a golden fixture", Set.of(), missing);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(methods);
        assertEquals("fixtures of methods not served", Set.of(), unknown);
    }

    static Set<String> fixtures() throws IOException, URISyntaxException {
        URL dir = GceGoldenIT.class.getClassLoader().getResource("fixtures/gce");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".json".length())));
        }
        return out;
    }
}
