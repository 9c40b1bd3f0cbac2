package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The baseline proxy against a stand-in native API that answers with a captured listVirtualMachines shape. */
public class HttpHopEc2ProxyTest {
    private final List<String> nativeQueries = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer nativeApi;
    private HttpHopEc2Proxy proxy;

    @Before
    public void start() throws Exception {
        byte[] answer = DescribeInstancesXmlTest.fixture().getBytes(StandardCharsets.UTF_8);
        nativeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nativeApi.createContext("/client/api", exchange -> {
            nativeQueries.add(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        nativeApi.start();
        proxy = new HttpHopEc2Proxy("http://127.0.0.1:" + nativeApi.getAddress().getPort(), 1000, uuid -> uuid)
                .register("AKBENCH", "secret").start();
    }

    @After
    public void stop() throws Exception {
        proxy.close();
        nativeApi.stop(0);
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
