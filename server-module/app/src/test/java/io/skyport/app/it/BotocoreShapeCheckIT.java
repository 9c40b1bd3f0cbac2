package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The response checker the boto3 scenarios use (clients/ec2/botocore_shape_check.py) can fail:
 * it refuses a DescribeInstances body with an element botocore's model does not have, a boolean
 * that is not {@code true}/{@code false} and the like, and an error body without its message and
 * request id, while passing well-formed samples and the golden EC2 responses.
 */
public class BotocoreShapeCheckIT {
    private static final String CHECKER = "botocore_shape_check.py";

    @BeforeClass
    public static void requireBotocore() {
        ExternalProcess.requirePythonModule("botocore", "python3-botocore");
    }

    private static ExternalProcess.Run check(String operation, String sample, String... options) throws IOException {
        Path dir = Ec2ClientsIT.scripts(CHECKER, "samples/" + sample);
        try {
            List<String> cmd = new ArrayList<>(List.of(ExternalProcess.PYTHON,
                    dir.resolve(CHECKER).toString()));
            cmd.addAll(List.of(options));
            cmd.add(operation);
            cmd.add(dir.resolve("samples/" + sample).toString());
            return ExternalProcess.run(cmd, Map.of(), 60);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    @Test
    public void wellFormedDescribeInstancesPasses() throws IOException {
        ExternalProcess.Run r = check("DescribeInstances", "DescribeInstances.good.xml");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("ok (DescribeInstances against botocore "));
    }

    @Test
    public void unknownElementsAndBadScalarsFail() throws IOException {
        ExternalProcess.Run r = check("DescribeInstances", "DescribeInstances.bad.xml");
        String out = r.stdout() + r.stderr();
        assertEquals(out, 1, r.exit());
        assertTrue(out, out.contains("instancesSet/item[1]/hostName: unknown element"));
        assertTrue(out, out.contains("instancesSet/item[1]/sourceDestCheck: 'yes' is not a boolean"));
        assertTrue(out, out.contains("instanceState/code: 'sixteen' is not an integer"));
        assertTrue(out, out.contains("instanceState/name: 'Running' is not one of InstanceStateName's values"));
        assertTrue(out, out.contains("launchTime: 'Tue May 08 16:46:19 UTC 2018' is not an ISO 8601 timestamp"));
        assertTrue(out, out.contains("/DescribeInstancesResponse: exactly one <requestId> expected"));
        ExternalProcess.Run lenient = check("DescribeInstances", "DescribeInstances.bad.xml", "--placeholders");
        assertEquals("placeholders excuse only {name} values: " + lenient.stdout(), 1, lenient.exit());
        assertTrue(lenient.stdout(), lenient.stdout().contains("'yes' is not a boolean"));
    }

    @Test
    public void theOperationNamesTheRootElement() throws IOException {
        ExternalProcess.Run r = check("DescribeImages", "DescribeInstances.good.xml");
        String out = r.stdout() + r.stderr();
        assertEquals(out, 1, r.exit());
        assertTrue(out, out.contains("root element must be <DescribeImagesResponse>"));
        assertTrue(out, out.contains("reservationSet: unknown element"));
    }

    /**
     * The golden EC2 responses ({@code fixtures/ec2/*.response.xml}, checked against the server by
     * Ec2GoldenIT) are what botocore's model describes; their placeholders stand for any value.
     */
    @Test
    public void goldenFixturesFollowBotocoresModel() throws IOException, URISyntaxException {
        URL fixtures = BotocoreShapeCheckIT.class.getResource("/fixtures/ec2");
        assertNotNull("fixtures/ec2 is on the test class path", fixtures);
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of(fixtures.toURI()))) {
            files = list.map(Path::toString).filter(f -> f.endsWith(".response.xml")).sorted().toList();
        }
        assertTrue("golden responses found", files.size() >= 40);
        Path dir = Ec2ClientsIT.scripts(CHECKER);
        try {
            List<String> cmd = new ArrayList<>(List.of(ExternalProcess.PYTHON, dir.resolve(CHECKER).toString(),
                    "--open-enum", "InstanceType", "--placeholders", "-"));
            cmd.addAll(files);
            ExternalProcess.Run r = ExternalProcess.run(cmd, Map.of(), 120);
            String out = r.stdout() + r.stderr();
            assertEquals(out, 0, r.exit());
            assertEquals(out, files.size(), r.stdout().lines().filter(l -> l.contains(": ok (")).count());
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    @Test
    public void errorBodies() throws IOException {
        ExternalProcess.Run good = check("DescribeInstances", "error.good.xml");
        assertEquals(good.stdout() + good.stderr(), 0, good.exit());
        ExternalProcess.Run bad = check("DescribeInstances", "error.bad.xml");
        String out = bad.stdout() + bad.stderr();
        assertEquals(out, 1, bad.exit());
        assertTrue(out, out.contains("non-empty <Message> missing"));
        assertTrue(out, out.contains("exactly one non-empty <RequestID> expected"));
    }
}
