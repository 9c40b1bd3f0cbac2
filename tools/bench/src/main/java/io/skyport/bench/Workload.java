package io.skyport.bench;

import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one phase sends: a fresh request for every call of {@link #next()}. */
interface Workload {
    Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    String name();

    HttpRequest next();

    /**
     * Sends one request of this workload and reads its answer: null when it succeeded, else what
     * failed (e.g. {@code HTTP 500}). {@code exchanges} gets the latency of every HTTP exchange
     * made: one for most workloads, one per page for a listing that follows its pages.
     */
    default String send(HttpClient http, LatencyLog exchanges) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(next(), HttpResponse.BodyHandlers.ofByteArray());
        exchanges.add(System.nanoTime() - start);
        return r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
    }

    /** A named workload whose requests come from {@code requests}, called once per request. */
    static Workload of(String name, java.util.function.Supplier<HttpRequest> requests) {
        return new Workload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HttpRequest next() {
                return requests.get();
            }
        };
    }

    /** {@code GET /healthz}: the cheapest full round trip through the same server and listener. */
    static Workload healthz(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/healthz")).timeout(REQUEST_TIMEOUT)
                .GET().build();
        return new Workload() {
            @Override
            public String name() {
                return "/healthz";
            }

            @Override
            public HttpRequest next() {
                return request;
            }
        };
    }

    /** A signed native API command; signed anew for every request, as a real client would. */
    static Workload command(String baseUrl, CommandSpec spec, RequestSigner signer) {
        String api = baseUrl + "/client/api?";
        return new Workload() {
            @Override
            public String name() {
                return spec.label();
            }

            @Override
            public HttpRequest next() {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("command", spec.command());
                params.putAll(spec.params());
                params.putIfAbsent("response", "json");
                return HttpRequest.newBuilder(URI.create(api + signer.signedQuery(params))).timeout(REQUEST_TIMEOUT)
                        .GET().build();
            }
        };
    }
}
