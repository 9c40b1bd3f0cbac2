package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** One request of the paged workload is a whole listing: it follows nextPageToken to the last page. */
public class PagedInstancesListTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer api;
    private volatile int failingPage;

    @Before
    public void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/compute/v1/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query)
                    + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            int page = query == null ? 1 : Integer.parseInt(query.substring(query.lastIndexOf('p') + 1));
            String body = "{\"kind\":\"compute#instanceList\"" + (page < 3 ? ",\"nextPageToken\":\"p" + (page + 1)
                    + "\"" : "") + ",\"items\":[{\"name\":\"vm-" + page + "\"}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(page == failingPage ? 500 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        api.start();
    }

    @After
    public void stop() {
        api.stop(0);
    }

    @Test
    public void oneRequestFollowsEveryPageWithTheBearerToken() throws Exception {
        LatencyLog exchanges = new LatencyLog();

        assertNull(listing().send(http, exchanges));

        assertEquals(3, exchanges.size());
        assertEquals(List.of("/compute/v1/projects/bench/zones/z1/instances Bearer tok",
                "/compute/v1/projects/bench/zones/z1/instances?pageToken=p2 Bearer tok",
                "/compute/v1/projects/bench/zones/z1/instances?pageToken=p3 Bearer tok"), requests);
    }

    @Test
    public void aFailingPageFailsTheRequest() throws Exception {
        failingPage = 2;

        assertEquals("HTTP 500", listing().send(http, new LatencyLog()));
        assertEquals(2, requests.size());
    }

    @Test
    public void pagesAreCollectedForTheChecks() throws Exception {
        List<String> pages = listing().pages(http);

        assertEquals(3, pages.size());
        assertEquals(3, InstanceListJson.instancesByName(pages).items());
    }

    @Test
    public void theTokenIsFoundWithoutParsingUnlessEscaped() {
        assertEquals("abc", PagedInstancesList.nextPageToken(bytes("{\"id\":\"x\",\"nextPageToken\":\"abc\",\"items\":[]}")));
        assertEquals("", PagedInstancesList.nextPageToken(bytes("{\"items\":[{\"description\":\"nextPageToken\"}]}")));
        assertEquals("a=b", PagedInstancesList.nextPageToken(bytes("{\"nextPageToken\":\"a\\u003db\"}")));
    }

    private PagedInstancesList listing() {
        return new PagedInstancesList("instances.list", "http://127.0.0.1:" + api.getAddress().getPort() + "/", "bench",
                "z1", "tok");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
