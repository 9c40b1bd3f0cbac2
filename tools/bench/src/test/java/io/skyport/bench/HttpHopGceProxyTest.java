package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The GCE baseline proxy against a stand-in native API that answers with a captured listVirtualMachines shape. */
public class HttpHopGceProxyTest {
    private static final String TOKEN = "sky.bench-token";
    private static final String ZONE_ID = "f41a661c-6d53-417e-baab-99def6a7fe4a";

    private final HttpClient http = HttpClient.newHttpClient();
    private StandInNativeApi nativeApi;
    private HttpHopGceProxy proxy;

    @Before
    public void start() throws Exception {
        nativeApi = new StandInNativeApi(DescribeInstancesXmlTest.fixture());
        proxy = new HttpHopGceProxy(nativeApi.baseUrl(), Map.of("sandbox-simulator", ZONE_ID), uuid -> "id-" + uuid)
                .register(TOKEN, "bench", "AKBENCH", "secret").start();
    }

    @After
    public void stop() throws Exception {
        proxy.close();
        nativeApi.close();
    }

    @Test
    public void instancesListIsOneSignedListVirtualMachinesCallForTheZoneAndPage() throws Exception {
        HttpResponse<String> r = list(TOKEN, "bench", "sandbox-simulator", "");

        assertEquals(r.body(), 200, r.statusCode());
        assertEquals(Map.of("web-1", "id-a57368ce-f164-4b9f-8d5b-8447354c2bd6",
                "db-1", "id-0b9d0a55-3c1e-4c55-9d0e-52f3c1f0a001"),
                InstanceListJson.instancesByName(List.of(r.body())).idsByName());
        assertFalse(r.body(), json(r).has("nextPageToken"));
        assertEquals(1, nativeApi.queries.size());
        String query = nativeApi.queries.get(0);
        for (String part : List.of("command=listVirtualMachines", "response=json", "zoneid=" + ZONE_ID, "page=1",
                "pagesize=500", "apiKey=AKBENCH", "signature=")) {
            assertTrue(query, query.contains(part));
        }
        String selfLink = json(r).get("selfLink").getAsString();
        assertTrue(selfLink, selfLink.startsWith(proxy.url() + "compute/v1/projects/bench/zones/sandbox-simulator"));
    }

    @Test
    public void pagesFollowTheNativePagesUntilTheCountIsReached() throws Exception {
        // the stand-in's answer counts two VMs: one a page makes two pages
        HttpResponse<String> first = list(TOKEN, "bench", "sandbox-simulator", "?maxResults=1");
        String token = json(first).get("nextPageToken").getAsString();
        HttpResponse<String> second = list(TOKEN, "bench", "sandbox-simulator", "?maxResults=1&pageToken=" + token);

        assertEquals(second.body(), 200, second.statusCode());
        assertFalse(json(second).has("nextPageToken"));
        assertTrue(nativeApi.queries.get(0), nativeApi.queries.get(0).contains("page=1&pagesize=1"));
        assertTrue(nativeApi.queries.get(1), nativeApi.queries.get(1).contains("page=2&pagesize=1"));
        assertEquals(token, PagedInstancesList.nextPageToken(first.body().getBytes()));
    }

    @Test
    public void anUnknownTokenIsUnauthenticatedWithoutANativeCall() throws Exception {
        HttpResponse<String> r = list("sky.stranger", "bench", "sandbox-simulator", "");

        assertEquals(401, r.statusCode());
        assertEquals("UNAUTHENTICATED", json(r).getAsJsonObject("error").get("status").getAsString());
        assertEquals(List.of(), nativeApi.queries);
    }

    @Test
    public void anotherProjectAnUnknownZoneAndTooManyResultsAreRefused() throws Exception {
        assertEquals(403, list(TOKEN, "other", "sandbox-simulator", "").statusCode());
        assertEquals(404, list(TOKEN, "bench", "nowhere", "").statusCode());
        assertEquals(400, list(TOKEN, "bench", "sandbox-simulator", "?maxResults=501").statusCode());
        assertEquals(400, list(TOKEN, "bench", "sandbox-simulator", "?pageToken=bm9wZQ").statusCode());
        assertEquals(List.of(), nativeApi.queries);
    }

    private HttpResponse<String> list(String token, String project, String zone, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.url() + "compute/v1/projects/" + project + "/zones/"
                + zone + "/instances" + query)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }
}
