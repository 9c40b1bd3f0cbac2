package io.skyport.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one phase sends: a fresh request for every call of {@link #next()}. */
interface Workload {
    Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    String name();

    HttpRequest next();

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
