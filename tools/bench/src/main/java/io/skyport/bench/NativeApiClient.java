package io.skyport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Signed native API calls with JSON answers, for setting a benchmark up (not for the timed phases). */
final class NativeApiClient {
    private final HttpClient http;
    private final String api;
    private final RequestSigner signer;

    /** The HTTP client the benchmarks talk to the server with: HTTP/1.1 and a 5 s connect timeout. */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    NativeApiClient(HttpClient http, String baseUrl, String apiKey, String secretKey) {
        this.http = http;
        this.api = baseUrl + "/client/api?";
        this.signer = new RequestSigner(apiKey, secretKey);
    }

    /** The inner object of the answer (e.g. the content of {@code listzonesresponse}); fails on non-200. */
    JsonObject call(String command, String... keyValues) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        params.put("response", "json");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + signer.signedQuery(params)))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(command + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        return o.get(o.keySet().iterator().next()).getAsJsonObject();
    }

    /**
     * Deploys {@code count} VMs named {@code prefix-N} with {@code threads} concurrent clients and
     * waits until every job has succeeded. Jobs are polled four times a second, as ComputeBench
     * does: faster polling would mostly load the server with polls.
     */
    void deploy(int count, int threads, String prefix, Map<String, String> params, IntConsumer progress)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + "-" + i;
                submitted.add(pool.submit(() -> submit(name, params)));
            }
            List<Future<JsonObject>> done = new ArrayList<>();
            for (Future<String> f : submitted) {
                String job = f.get();
                done.add(pool.submit(() -> awaitJob(job)));
            }
            int failed = 0;
            String firstError = null;
            for (int i = 0; i < done.size(); i++) {
                JsonObject answer = done.get(i).get();
                if (answer.get("jobstatus").getAsInt() != 1) {
                    failed++;
                    if (firstError == null) {
                        firstError = errorText(answer);
                    }
                }
                progress.accept(i + 1);
            }
            if (failed > 0) {
                throw new IllegalStateException(failed + " of " + count + " deploys failed, the first with: "
                        + firstError);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String submit(String name, Map<String, String> params) throws IOException, InterruptedException {
        List<String> kv = new ArrayList<>(List.of("name", name));
        params.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        JsonObject r = call("deployVirtualMachine", kv.toArray(String[]::new));
        if (!r.has("jobid")) {
            throw new IllegalStateException("deploy refused: " + r);
        }
        return r.get("jobid").getAsString();
    }

    /** Polls until the job finishes; returns queryAsyncJobResult's last answer (jobstatus 1 success, 2 failure). */
    private JsonObject awaitJob(String job) throws IOException, InterruptedException {
        while (true) {
            JsonObject answer = call("queryAsyncJobResult", "jobid", job);
            if (answer.get("jobstatus").getAsInt() != 0) {
                return answer;
            }
            Thread.sleep(250);
        }
    }

    /** What a failed job's answer says went wrong (its errortext), or the whole answer. */
    static String errorText(JsonObject answer) {
        JsonObject result = answer.has("jobresult") && answer.get("jobresult").isJsonObject()
                ? answer.getAsJsonObject("jobresult") : null;
        return result != null && result.has("errortext") ? result.get("errortext").getAsString() : answer.toString();
    }
}
