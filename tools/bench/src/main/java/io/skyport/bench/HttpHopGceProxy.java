package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyport.app.client.RequestSigner;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline the in-process GCE API is measured against: a translator one HTTP hop in front
 * of the native API, built like the retired gstack proxy. For each Compute Engine
 * {@code instances.list} call it looks the Bearer token up in its own token table, signs a
 * native {@code listVirtualMachines} call for the zone and page asked for, sends it over HTTP,
 * parses the JSON answer and renders the {@code compute#instanceList} ({@link InstanceListJson}).
 * It pages as the real API does: {@code maxResults} at most 500 (the default), an opaque
 * {@code pageToken}, {@code nextPageToken} on every page but the last; each GCE page is one
 * native page of the same size, so it never fetches more VMs than it shows.
 *
 * <p>It is kept fair: a keep-alive HTTP client, the same Jetty as the server, tokens and zones
 * in memory, no artificial delays.
 */
final class HttpHopGceProxy extends HttpHopProxy {
    static final int MAX_RESULTS = 500;
    private static final Pattern INSTANCES = Pattern.compile("/compute/v1/projects/([^/]+)/zones/([^/]+)/instances");

    /** Whom a token stands for: the project it may list and the native keys to sign with. */
    private record Caller(String project, RequestSigner signer) {
    }

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final Map<String, String> zoneIds;
    private final InstanceListJson translator;

    /**
     * @param nativeBaseUrl e.g. {@code http://127.0.0.1:8080}
     * @param zoneIds       native zone id by GCE zone name
     * @param instanceIds   VM uuid to GCE instance id, see {@link InstanceListJson}
     */
    HttpHopGceProxy(String nativeBaseUrl, Map<String, String> zoneIds, UnaryOperator<String> instanceIds) {
        super(nativeBaseUrl);
        this.zoneIds = Map.copyOf(zoneIds);
        this.translator = new InstanceListJson(instanceIds);
    }

    /** Registers an access token, as gstack kept the tokens it had issued, with the project and keys it stands for. */
    HttpHopGceProxy register(String accessToken, String project, String apiKey, String secretKey) {
        callers.put(accessToken, new Caller(project, new RequestSigner(apiKey, secretKey)));
        return this;
    }

    HttpHopGceProxy start() throws Exception {
        listen();
        return this;
    }

    @Override
    void serve(Request request, Response response, Callback callback) throws Exception {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Caller caller = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? callers.get(authorization.substring(7).trim()) : null;
        if (caller == null) {
            error(response, callback, 401, "UNAUTHENTICATED", "authError",
                    "Request had invalid authentication credentials.");
            return;
        }
        Matcher path = INSTANCES.matcher(request.getHttpURI().getPath());
        if (!"GET".equals(request.getMethod()) || !path.matches()) {
            error(response, callback, 404, "NOT_FOUND", "notFound", "The requested URL "
                    + request.getHttpURI().getPath() + " was not found on this server.");
            return;
        }
        String project = path.group(1);
        String zone = path.group(2);
        if (!project.equals(caller.project())) {
            error(response, callback, 403, "PERMISSION_DENIED", "forbidden",
                    "Required 'compute.instances.list' permission for 'projects/" + project + "'");
            return;
        }
        String zoneId = zoneIds.get(zone);
        if (zoneId == null) {
            error(response, callback, 404, "NOT_FOUND", "notFound", "The resource 'projects/" + project
                    + "/zones/" + zone + "' was not found");
            return;
        }
        Map<String, String> query = form(request.getHttpURI().getQuery());
        int maxResults;
        int page;
        try {
            maxResults = query.containsKey("maxResults") ? Integer.parseInt(query.get("maxResults")) : MAX_RESULTS;
            page = page(query.getOrDefault("pageToken", ""));
        } catch (IllegalArgumentException e) {
            error(response, callback, 400, "INVALID_ARGUMENT", "invalid", "Invalid value for maxResults or "
                    + "pageToken");
            return;
        }
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            error(response, callback, 400, "INVALID_ARGUMENT", "invalid", "Invalid value for field 'maxResults': '"
                    + maxResults + "'. Must be less than or equal to " + MAX_RESULTS);
            return;
        }
        list(response, callback, caller, project, zone, zoneId, page, maxResults, apiBase(request));
    }

    private void list(Response response, Callback callback, Caller caller, String project, String zone,
                      String zoneId, int page, int pageSize, String apiBase) throws InterruptedException {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("command", "listVirtualMachines");
        call.put("response", "json");
        call.put("zoneid", zoneId);
        call.put("page", Integer.toString(page));
        call.put("pagesize", Integer.toString(pageSize));
        HttpResponse<String> answer;
        try {
            answer = callNative(caller.signer(), call);
        } catch (IOException e) {
            error(response, callback, 503, "UNAVAILABLE", "backendError", "native API unreachable: " + e);
            return;
        }
        if (answer.statusCode() != 200) {
            error(response, callback, 500, "INTERNAL", "backendError", "native API answered HTTP "
                    + answer.statusCode());
            return;
        }
        JsonObject listed = NativeVmJson.response(answer.body());
        int total = listed.has("count") ? listed.get("count").getAsInt() : 0;
        String next = (long) page * pageSize < total ? token(page + 1) : "";
        write(response, callback, 200, "application/json; charset=UTF-8",
                translator.render(listed, apiBase, project, zone, next));
    }

    /** {@code http://host:port/compute/v1/} as the client reached the proxy. */
    private String apiBase(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return (host == null ? url() : "http://" + host + "/") + "compute/v1/";
    }

    /** The page token is the native page number, opaque to clients. */
    static String token(int page) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + page)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The native page (from 1) a token names; IllegalArgumentException for a token not ours. */
    static int page(String token) {
        if (token.isEmpty()) {
            return 1;
        }
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!raw.startsWith("page:")) {
            throw new IllegalArgumentException("not a page token");
        }
        int page = Integer.parseInt(raw.substring(5));
        if (page < 1) {
            throw new IllegalArgumentException("not a page token");
        }
        return page;
    }

    /** Compute Engine's error document. */
    private static void error(Response response, Callback callback, int code, String status, String reason,
                              String message) {
        JsonObject item = new JsonObject();
        item.addProperty("message", message);
        item.addProperty("domain", "global");
        item.addProperty("reason", reason);
        JsonArray errors = new JsonArray();
        errors.add(item);
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.add("errors", errors);
        error.addProperty("status", status);
        JsonObject body = new JsonObject();
        body.add("error", error);
        write(response, callback, code, "application/json; charset=UTF-8", body.toString());
    }
}
