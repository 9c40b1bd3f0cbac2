package io.skyport.bench;

import io.skyport.app.client.Ec2RequestSigner;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The baseline proxy against a stand-in native API that answers with a captured listVirtualMachines shape. */
public class HttpHopEc2ProxyTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private StandInNativeApi nativeApi;
    private List<String> nativeQueries;
    private HttpHopEc2Proxy proxy;

    @Before
    public void start() throws Exception {
        nativeApi = new StandInNativeApi(DescribeInstancesXmlTest.fixture());
        nativeQueries = nativeApi.queries;
        proxy = new HttpHopEc2Proxy(nativeApi.baseUrl(), 1000, uuid -> uuid).register("AKBENCH", "secret").start();
    }

    @After
    public void stop() throws Exception {
        proxy.close();
        nativeApi.close();
    }

    @Test
    public void describeInstancesIsOneSignedListVirtualMachinesCallRenderedAsEc2Xml() throws Exception {
        HttpResponse<String> r = describe("AKBENCH", "DescribeInstances");

        assertEquals(r.body(), 200, r.statusCode());
        assertEquals(Map.of("web-1", "a57368ce-f164-4b9f-8d5b-8447354c2bd6",
                "db-1", "0b9d0a55-3c1e-4c55-9d0e-52f3c1f0a001"), DescribeInstancesXml.instancesByName(r.body()));
        assertEquals(1, nativeQueries.size());
        String query = nativeQueries.get(0);
        for (String part : List.of("command=listVirtualMachines", "response=json", "pagesize=1000", "apiKey=AKBENCH",
                "signature=")) {
            assertTrue(query, query.contains(part));
        }
    }

    @Test
    public void anUnregisteredAccessKeyIsAnAuthFailureWithoutANativeCall() throws Exception {
        HttpResponse<String> r = describe("AKSTRANGER", "DescribeInstances");

        assertEquals(401, r.statusCode());
        assertTrue(r.body(), r.body().contains("<Code>AuthFailure</Code>"));
        assertEquals(List.of(), nativeQueries);
    }

    @Test
    public void otherActionsAreRefused() throws Exception {
        HttpResponse<String> r = describe("AKBENCH", "RunInstances");

        assertEquals(400, r.statusCode());
        assertTrue(r.body(), r.body().contains("<Code>InvalidAction</Code>"));
    }

    private HttpResponse<String> describe(String accessKey, String action) throws Exception {
        return http.send(new Ec2RequestSigner(accessKey, "secret").request(URI.create(proxy.url()), action, Map.of()),
                HttpResponse.BodyHandlers.ofString());
    }
}
