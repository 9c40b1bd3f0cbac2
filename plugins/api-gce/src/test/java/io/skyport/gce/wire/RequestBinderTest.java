package io.skyport.gce.wire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.ListInstancesRequest;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.spec.ComputeSpec;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class RequestBinderTest {
    private static final ApiMethod LIST = ComputeSpec.get().method("compute.instances.list").orElseThrow();
    private static final ApiMethod INSERT = ComputeSpec.get().method("compute.instances.insert").orElseThrow();
    private static final Map<String, String> PATH = Map.of("project", "p", "zone", "z");

    private static GceError error(Runnable r) {
        try {
            r.run();
        } catch (GceException e) {
            return e.error();
        }
        throw new AssertionError("no error");
    }

    @Test
    public void pathAndQueryFillTheRequest() {
        ListInstancesRequest r = (ListInstancesRequest) RequestBinder.bind(LIST, ListInstancesRequest.newBuilder(),
                PATH, Map.of("maxResults", List.of("7"), "filter", List.of("name = a"), "alt", List.of("json"),
                        "returnPartialSuccess", List.of("true")), "");
        assertEquals("p", r.getProject());
        assertEquals("z", r.getZone());
        assertEquals(7, r.getMaxResults());
        assertEquals("name = a", r.getFilter());
        assertTrue(r.getReturnPartialSuccess());
    }

    @Test
    public void theBodyFillsTheRuleBodyField() {
        InsertInstanceRequest r = (InsertInstanceRequest) RequestBinder.bind(INSERT, InsertInstanceRequest.newBuilder(),
                PATH, Map.of("requestId", List.of("abc")), "{\"name\":\"vm\",\"labels\":{\"a\":\"b\"}}");
        assertEquals("vm", r.getInstanceResource().getName());
        assertEquals("b", r.getInstanceResource().getLabelsMap().get("a"));
        assertEquals("abc", r.getRequestId());
    }

    @Test
    public void mistakesAreClientErrors() {
        assertEquals(GceError.INVALID_PARAMETER, error(() -> RequestBinder.bind(LIST, ListInstancesRequest.newBuilder(),
                PATH, Map.of("bogus", List.of("1")), "")));
        assertEquals(GceError.INVALID_PARAMETER, error(() -> RequestBinder.bind(LIST, ListInstancesRequest.newBuilder(),
                PATH, Map.of("maxResults", List.of("many")), "")));
        assertEquals(GceError.PARSE_ERROR, error(() -> RequestBinder.bind(INSERT, InsertInstanceRequest.newBuilder(),
                PATH, Map.of(), "{\"name\":\"vm\",\"nope\":1}")));
        assertEquals(GceError.PARSE_ERROR, error(() -> RequestBinder.bind(INSERT, InsertInstanceRequest.newBuilder(),
                PATH, Map.of(), "{\"labels\":[1]}")));
        assertEquals(GceError.REQUIRED, error(() -> RequestBinder.bind(INSERT, InsertInstanceRequest.newBuilder(),
                PATH, Map.of(), "")));
    }
}
