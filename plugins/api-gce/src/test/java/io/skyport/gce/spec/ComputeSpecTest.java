package io.skyport.gce.spec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class ComputeSpecTest {
    private static final ComputeSpec SPEC = ComputeSpec.get();

    @Test
    public void methodsComeFromTheHttpRules() {
        ApiMethod insert = SPEC.method("compute.instances.insert").orElseThrow();
        assertEquals("POST", insert.httpMethod());
        assertEquals("projects/{project}/zones/{zone}/instances", insert.path().toString());
        assertEquals("instance_resource", insert.bodyField().getName());
        assertEquals("Operation", insert.response().getName());
        assertTrue(SPEC.method("compute.zoneOperations.wait").isPresent());
        assertTrue(SPEC.methods().size() > 500);
    }

    @Test
    public void routingPrefersLiteralSegments() {
        List<ApiMethod> served = List.of(SPEC.method("compute.instances.get").orElseThrow(),
                SPEC.method("compute.instances.list").orElseThrow(),
                SPEC.method("compute.instances.getSerialPortOutput").orElseThrow(),
                SPEC.method("compute.instances.aggregatedList").orElseThrow());
        ComputeSpec.Match m = ComputeSpec.route(served, "GET", List.of("projects", "p", "zones", "z", "instances", "vm",
                "serialPort")).orElseThrow();
        assertEquals("compute.instances.getSerialPortOutput", m.method().id());
        assertEquals("vm", m.pathValues().get("instance"));
        assertEquals("compute.instances.aggregatedList", ComputeSpec.route(served, "GET", List.of("projects", "p",
                "aggregated", "instances")).orElseThrow().method().id());
        assertTrue(ComputeSpec.route(served, "POST", List.of("projects", "p", "zones", "z", "instances", "vm"))
                .isEmpty());
    }
}
