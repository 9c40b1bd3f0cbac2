package io.skyport.app.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signed native API calls answered in JSON; an error answer becomes a {@link ClusterException} with its text. */
final class NativeCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String api;
    private final RequestSigner signer;

    NativeCalls(HttpClient http, Credentials credentials) {
        this.http = http;
        this.api = credentials.nativeEndpoint() + "?";
        this.signer = new RequestSigner(credentials.apiKey(), credentials.secretKey());
    }

    /** The inner object of the answer (e.g. the content of {@code listzonesresponse}). */
    JsonObject call(String command, String... keyValues) {
        Reply r = send(command, keyValues);
        if (r.status != 200) {
            throw new ClusterException(command + ": " + r.error());
        }
        return r.inner;
    }

    /** Like {@link #call} but an answer with HTTP status {@code tolerated} (e.g. 431 for a missing resource) is null. */
    JsonObject callTolerating(int tolerated, String command, String... keyValues) {
        Reply r = send(command, keyValues);
        if (r.status == tolerated) {
            return null;
        }
        if (r.status != 200) {
            throw new ClusterException(command + ": " + r.error());
        }
        return r.inner;
    }

    /** Polls an async job until it ends; a failed job is an exception with its error text. */
    JsonObject awaitJob(String jobId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job = call("queryAsyncJobResult", "jobid", jobId);
            int status = job.get("jobstatus").getAsInt();
            if (status == 1) {
                return job.getAsJsonObject("jobresult");
            }
            if (status == 2) {
                JsonElement result = job.get("jobresult");
                throw new ClusterException("job " + jobId + " failed: " + (result == null ? job : result));
            }
            sleep(250);
        }
        throw new ClusterException("job " + jobId + " did not end within 10 minutes");
    }

    private record Reply(int status, JsonObject inner) {
        String error() {
            JsonElement text = inner == null ? null : inner.get("errortext");
            return text == null ? "HTTP " + status : text.getAsString() + " (HTTP " + status + ")";
        }
    }

    private Reply send(String command, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        params.put("response", "json");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + signer.signedQuery(params)))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonObject inner = null;
            try {
                JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
                inner = o.keySet().isEmpty() ? new JsonObject() : o.get(o.keySet().iterator().next()).getAsJsonObject();
            } catch (RuntimeException notJson) {
                // leaves inner null: the status alone tells what happened
            }
            return new Reply(r.statusCode(), inner == null ? new JsonObject() : inner);
        } catch (IOException e) {
            throw new ClusterException(command + ": cannot reach " + api.substring(0, api.length() - 1) + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(command + ": interrupted");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        }
    }
}
