package io.skyport.app.cluster;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.Before;
import org.junit.Test;

/**
 * A node is listed Stopped from its creation until its deploy job starts it. The listing and the
 * job's answer are two calls, and the job may end between them: the node is then what the job
 * left, not the Stopped the older listing said (which would fail `cluster create` for a node that
 * runs).
 */
public class NativeClusterStatesTest {
    private final NativeCalls calls = mock(NativeCalls.class);
    private final NativeClusterApi api = new NativeClusterApi(calls);

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Before
    public void launchOneNode() {
        when(calls.call(eq("deployVirtualMachine"), any(String[].class))).thenReturn(json(
                "{\"id\":\"vm-1\",\"jobid\":\"job-1\"}"));
        when(calls.call(eq("createTags"), any(String[].class))).thenReturn(new JsonObject());
        when(calls.call(eq("listVirtualMachines"), any(String[].class))).thenReturn(json(
                "{\"virtualmachine\":[{\"id\":\"vm-1\",\"name\":\"c-worker-0\",\"state\":\"Stopped\",\"tags\":["
                        + "{\"key\":\"skyport-cluster\",\"value\":\"c\"},"
                        + "{\"key\":\"skyport-role\",\"value\":\"worker\"}]}]}"));
        when(calls.call(eq("listZones"), any(String[].class))).thenReturn(json("{\"zone\":[{\"id\":\"z-1\","
                + "\"name\":\"Z\"}]}"));
        when(calls.call(eq("listServiceOfferings"), any(String[].class))).thenReturn(json("{\"serviceoffering\":["
                + "{\"id\":\"o-1\",\"name\":\"O\"}]}"));
        when(calls.call(eq("listTemplates"), any(String[].class))).thenReturn(json("{\"template\":[{\"id\":\"t-1\","
                + "\"name\":\"T\"}]}"));
        // the cluster's group exists already: prepare makes nothing
        when(calls.call(eq("listSecurityGroups"), any(String[].class))).thenReturn(json("{\"securitygroup\":["
                + "{\"name\":\"skyport-cluster-c\"}]}"));
        ClusterSpec spec = new ClusterSpec("c", 1, 1, null, null, null, null, null, null, "198.18.0.0/15", null);
        api.prepare(spec);
        api.launch(spec, new ClusterNode("c-worker-0", Role.WORKER), "#cloud-config\n");
    }

    private String listedState() {
        return api.nodes("c").get(0).state();
    }

    @Test
    public void aStoppedNodeWhoseDeployIsPendingIsDeploying() {
        when(calls.call(eq("queryAsyncJobResult"), any(String[].class))).thenReturn(json("{\"jobstatus\":0}"));
        assertEquals("Deploying", listedState());
    }

    @Test
    public void aDeployThatEndedAfterTheListingGivesTheStateItLeft() {
        when(calls.call(eq("queryAsyncJobResult"), any(String[].class))).thenReturn(json(
                "{\"jobstatus\":1,\"jobresult\":{\"virtualmachine\":{\"id\":\"vm-1\",\"state\":\"Running\"}}}"));
        assertEquals("Running", listedState());
    }

    @Test
    public void aFailedDeployLeavesTheListedState() {
        when(calls.call(eq("queryAsyncJobResult"), any(String[].class))).thenReturn(json(
                "{\"jobstatus\":2,\"jobresult\":{\"errorcode\":533,\"errortext\":\"no capacity\"}}"));
        assertEquals("Stopped", listedState());
    }
}
