package io.skyport.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compute Engine {@code instances.list} of one zone, every page of it: one request of this
 * workload follows {@code nextPageToken} until the last page, as a client listing all its
 * instances does (the API answers at most 500 instances a page). Each page carries the same
 * Bearer access token.
 */
final class PagedInstancesList implements Workload {
    private static final byte[] TOKEN_KEY = "\"nextPageToken\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Pages one request follows at most: a server that never stops paging is an error, not a hang. */
    private static final int MAX_PAGES = 1000;

    private final String name;
    private final String listUrl;
    private final String authorization;

    /**
     * @param rootUrl     the API's root, e.g. {@code http://127.0.0.1:8080/}
     * @param accessToken the OAuth2 access token sent as {@code Authorization: Bearer}
     */
    PagedInstancesList(String name, String rootUrl, String project, String zone, String accessToken) {
        this.name = name;
        this.listUrl = rootUrl + "compute/v1/projects/" + project + "/zones/" + zone + "/instances";
        this.authorization = "Bearer " + accessToken;
    }

    @Override
    public String name() {
        return name;
    }

    /** The first page. */
    @Override
    public HttpRequest next() {
        return page("");
    }

    private HttpRequest page(String token) {
        String url = token.isEmpty() ? listUrl : listUrl + "?pageToken=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(REQUEST_TIMEOUT).GET().build();
    }

    @Override
    public String send(HttpClient http, LatencyLog exchanges) throws IOException, InterruptedException {
        String token = "";
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = http.send(page(token), HttpResponse.BodyHandlers.ofByteArray());
            exchanges.add(System.nanoTime() - start);
            if (r.statusCode() != 200) {
                return "HTTP " + r.statusCode();
            }
            token = nextPageToken(r.body());
            if (token.isEmpty()) {
                return null;
            }
        }
        return "more than " + MAX_PAGES + " pages";
    }

    /** Every page of one listing, in order, for the checks before timing; a non-200 page fails the run. */
    List<String> pages(HttpClient http) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        String token = "";
        do {
            HttpResponse<String> r = http.send(page(token), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new ListingBench.SetupException(name + " answered HTTP " + r.statusCode() + " to page "
                        + (out.size() + 1) + ": " + ListingBench.abbreviate(r.body()));
            }
            out.add(r.body());
            token = nextPageToken(r.body().getBytes(StandardCharsets.UTF_8));
        } while (!token.isEmpty() && out.size() < MAX_PAGES);
        return out;
    }

    /**
     * The page's {@code nextPageToken}, "" on the last page. The load generator finds it without
     * parsing the page, so that the timed requests cost the client no more than the native
     * listing's (whose answer is not parsed either). The key can only occur as a key: inside a
     * string its quotes would be escaped, and label keys are lower case. A token with an escape
     * in it is read by a JSON parser.
     */
    static String nextPageToken(byte[] page) {
        int at = indexOf(page, TOKEN_KEY);
        if (at < 0) {
            return "";
        }
        int from = at + TOKEN_KEY.length;
        int to = from;
        while (to < page.length && page[to] != '"') {
            if (page[to] == '\\') {
                JsonElement token = JsonParser.parseString(new String(page, StandardCharsets.UTF_8)).getAsJsonObject()
                        .get("nextPageToken");
                return token == null ? "" : token.getAsString();
            }
            to++;
        }
        return new String(page, from, to - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
