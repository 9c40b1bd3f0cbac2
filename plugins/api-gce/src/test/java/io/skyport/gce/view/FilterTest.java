package io.skyport.gce.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Tags;
import io.skyport.gce.GceException;
import java.util.List;
import org.junit.Test;

public class FilterTest {
    private static final Instance WEB = Instance.newBuilder().setName("web-1").setStatus("RUNNING")
            .putLabels("env", "prod").setZone("http://h/compute/v1/projects/p/zones/sandbox-a")
            .setTags(Tags.newBuilder().addItems("http").addItems("ssh")).build();
    private static final Instance DB = Instance.newBuilder().setName("db-1").setStatus("TERMINATED")
            .putLabels("env", "test").build();

    private static boolean match(String filter, Instance i) {
        return Filter.parse(filter).test(i);
    }

    @Test
    public void comparisonsOnFieldsAndLabels() {
        assertTrue(match("name = web-1", WEB));
        assertFalse(match("name = web-1", DB));
        assertTrue(match("status != RUNNING", DB));
        assertTrue(match("labels.env = prod", WEB));
        assertFalse(match("labels.env = prod", DB));
        assertTrue(match("name = \"web-*\"", WEB));
        assertTrue(match("tags.items = ssh", WEB));
        assertTrue(match("zone : sandbox-a", WEB));
    }

    @Test
    public void legacyRegexSyntaxMatchesWholeValues() {
        assertTrue(match("name eq web-.*", WEB));
        assertFalse(match("name eq web", WEB));
        assertTrue(match("name ne web-.*", DB));
        assertTrue(match("zone eq .*sandbox-a", WEB));
    }

    @Test
    public void booleanCombinations() {
        assertTrue(match("(status = RUNNING) (labels.env = prod)", WEB));
        assertFalse(match("(status = RUNNING) AND (labels.env = test)", WEB));
        assertTrue(match("labels.env = test OR name = web-1", WEB));
        assertTrue(match("NOT status = RUNNING", DB));
        assertEquals(List.of(DB), List.of(WEB, DB).stream().filter(Filter.parse("labels.env=test")).toList());
    }

    @Test
    public void emptyFilterKeepsEverything() {
        assertTrue(match("", WEB));
        assertTrue(match(null, DB));
    }

    @Test(expected = GceException.class)
    public void unbalancedParenthesesAreInvalid() {
        Filter.parse("(name = a");
    }

    @Test(expected = GceException.class)
    public void aComparisonNeedsAValue() {
        Filter.parse("name =");
    }

    @Test(expected = GceException.class)
    public void aBadRegexIsInvalid() {
        Filter.parse("name eq (");
    }
}
