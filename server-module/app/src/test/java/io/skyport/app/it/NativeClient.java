package io.skyport.app.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.api.auth.SignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal signed client of the native API, for tests. */
public class NativeClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;
    private final String secret;

    public NativeClient(String base, String apiKey, String secret) {
        this.base = base;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public String apiKey() {
        return apiKey;
    }

    public String secret() {
        return secret;
    }

    /** A response: HTTP status, content type and raw body. */
    public record Reply(int status, String contentType, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The object inside the single {@code <command>response} wrapper. */
        public JsonObject inner() {
            JsonObject o = json();
            return o.get(o.keySet().iterator().next()).getAsJsonObject();
        }
    }

    public Reply call(String command, String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", command);
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        p.putIfAbsent("response", "json");
        return signed(p);
    }

    public Reply signed(Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("apiKey", apiKey);
        p.put("signature", SignatureVerifier.sign(p, secret));
        return get(p);
    }

    public Reply get(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + "/client/api?" + query(params))).GET());
    }

    public Reply post(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + "/client/api"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(params))));
    }

    public static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return sb.toString();
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls queryAsyncJobResult until the job is done or 30 s pass. */
    public JsonObject awaitJob(String jobId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonObject r = call("queryAsyncJobResult", "jobid", jobId).inner();
            if (r.get("jobstatus").getAsInt() != 0 || System.currentTimeMillis() > deadline) {
                return r;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }
}
