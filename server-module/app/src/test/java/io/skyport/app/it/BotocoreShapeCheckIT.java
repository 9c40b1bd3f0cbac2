package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The response checker the boto3 scenarios use (clients/ec2/botocore_shape_check.py) can fail:
 * it refuses a DescribeInstances body with an element botocore's model does not have, a boolean
 * that is not {@code true}/{@code false} and the like, and an error body without its message and
 * request id, while passing well-formed samples.
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
    }

    @Test
    public void theOperationNamesTheRootElement() throws IOException {
        ExternalProcess.Run r = check("DescribeImages", "DescribeInstances.good.xml");
        String out = r.stdout() + r.stderr();
        assertEquals(out, 1, r.exit());
        assertTrue(out, out.contains("root element must be <DescribeImagesResponse>"));
        assertTrue(out, out.contains("reservationSet: unknown element"));
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
