package io.skyport.gce;

import com.google.gson.JsonObject;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.settings.CoreSettings;
import io.skyport.gce.auth.TokenService;
import io.skyport.gce.batch.BatchRequest;
import io.skyport.gce.discovery.DiscoveryDocument;
import io.skyport.core.security.AuthThrottle;
import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.Refusal;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Setting;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GCE-compatible API over HTTP: {@code /compute/v1/…} (JSON, OAuth2 Bearer tokens), its
 * discovery document, the batch endpoint and the OAuth2 token endpoint that turns a signed
 * service-account JWT into an access token.
 */
public class GceEndpoint implements ApiEndpoint {
    public static final String COMPUTE = "/compute/v1";
    public static final String DISCOVERY = "/discovery/v1/apis/compute";
    public static final String DISCOVERY_DOCUMENT = DISCOVERY + "/v1/rest";
    public static final String BATCH = "/batch/compute/v1";
    /** Largest request body read (a batch of 1,000 small calls fits). */
    static final int MAX_BODY = 4 << 20;

    private final GceDispatcher dispatcher;
    private final TokenService tokens;
    private final Map<String, String> discoveryByRoot = new ConcurrentHashMap<>();
    private final AuthThrottle throttle;
    /** One text for every throttled request, whichever key or address caused it. */
    private static final String THROTTLED = "Too many failed authentications for this key or from this address; "
            + "try again later.";

    public GceEndpoint(GceDispatcher dispatcher, TokenService tokens, AuthThrottle throttle) {
        this.dispatcher = dispatcher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public String apiName() {
        return "gce";
    }

    @Override
    public void writeRefusal(HttpServletRequest req, HttpServletResponse resp, Refusal refusal) throws IOException {
        if (TokenService.TOKEN_PATHS.contains(req.getRequestURI())) {
            oauthError(resp, refusal.status(), refusal == Refusal.THROTTLED ? "invalid_grant" : "invalid_request",
                    refusal == Refusal.THROTTLED ? THROTTLED : "The request exceeds a size limit of this server");
            return;
        }
        write(resp, GceDispatcher.error(switch (refusal) {
            case THROTTLED -> GceError.RATE_LIMIT_EXCEEDED;
            case BODY_TOO_LARGE -> GceError.PAYLOAD_TOO_LARGE;
            case URI_TOO_LONG -> GceError.URI_TOO_LONG;
            case HEADERS_TOO_LARGE -> GceError.HEADERS_TOO_LARGE;
        }, refusal == Refusal.THROTTLED ? THROTTLED : "The request exceeds a size limit of this server"));
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(COMPUTE, DISCOVERY, BATCH, TokenService.TOKEN_PATH, TokenService.LEGACY_TOKEN_PATH);
    }

    @Override
    public Optional<Setting<Boolean>> enabledBy() {
        return Optional.of(CoreSettings.GCE_API_ENABLED);
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(resp, GceDispatcher.error(GceError.ACCESS_NOT_CONFIGURED, "The Compute Engine API is disabled by the "
                + "administrator (setting gce.api.enabled)."));
    }

    /** A request the HTTP server could not parse: Google's error body, 400 invalid for any client error. */
    @Override
    public Optional<RefusedReply> refused(int status, String rawQuery) {
        GceDispatcher.Reply reply = status < 500
                ? GceDispatcher.error(GceError.INVALID, "Invalid request: the URI, a percent-escape or a header in "
                        + "it is malformed.")
                : GceDispatcher.error(GceError.BACKEND_ERROR, "Internal error.");
        return Optional.of(new RefusedReply(reply.status(), "application/json; charset=UTF-8", reply.json()));
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        try {
            if (TokenService.TOKEN_PATHS.contains(path)) {
                token(req, resp, path);
            } else if (path.equals(DISCOVERY_DOCUMENT)) {
                requireVerb(req, "GET");
                String root = rootUrl(req);
                write(resp, new GceDispatcher.Reply(200, discoveryByRoot.computeIfAbsent(root,
                        r -> DiscoveryDocument.build(dispatcher.served(), r).toString())));
            } else if (path.equals(BATCH)) {
                requireVerb(req, "POST");
                CallContext ctx = authenticate(req, rootUrl(req));
                BatchRequest.Reply reply = BatchRequest.run(req.getContentType(), body(req), part -> dispatchPart(ctx,
                        part, rootUrl(req)));
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                resp.setStatus(200);
                resp.setContentType(reply.contentType());
                resp.setContentLength(bytes.length);
                resp.getOutputStream().write(bytes);
            } else if (path.startsWith(COMPUTE + "/")) {
                String root = rootUrl(req);
                CallContext ctx = authenticate(req, root);
                write(resp, dispatcher.dispatch(ctx, req.getMethod(), segments(path.substring(COMPUTE.length() + 1)),
                        query(req.getQueryString()), new String(body(req), StandardCharsets.UTF_8),
                        root + "compute/v1/"));
            } else {
                throw new GceException(GceError.NOT_FOUND, "The requested URL " + path + " was not found on this "
                        + "server.");
            }
        } catch (GceException e) {
            write(resp, GceDispatcher.error(e.error(), e.getMessage()));
        } catch (TokenService.Refused e) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"skyport\", error=\"invalid_token\"");
            write(resp, GceDispatcher.error(GceError.UNAUTHENTICATED, "Request had invalid authentication "
                    + "credentials. Expected OAuth 2 access token, login cookie or other valid authentication "
                    + "credential. (" + e.getMessage() + ")"));
        }
    }

    private GceDispatcher.Reply dispatchPart(CallContext ctx, BatchRequest.Part part, String root) {
        String path = part.path();
        if (!path.startsWith(COMPUTE + "/")) {
            return GceDispatcher.error(GceError.NOT_FOUND, "The requested URL " + path + " was not found on this "
                    + "server.");
        }
        return dispatcher.dispatch(ctx, part.verb(), segments(path.substring(COMPUTE.length() + 1)),
                query(part.query()), part.body(), root + "compute/v1/");
    }

    /** The OAuth2 token endpoint: JWT-bearer grant only, answered in OAuth2's own error format. */
    private void token(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(req.getMethod())) {
            oauthError(resp, 405, "invalid_request", "Use POST");
            return;
        }
        Map<String, List<String>> form = query(new String(body(req), StandardCharsets.UTF_8));
        String grant = first(form, "grant_type");
        String assertion = first(form, "assertion");
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grant)) {
            oauthError(resp, 400, "unsupported_grant_type", "Invalid grant_type: " + (grant == null ? "" : grant));
            return;
        }
        if (assertion == null || assertion.isEmpty()) {
            oauthError(resp, 400, "invalid_request", "Missing required parameter: assertion");
            return;
        }
        String key = assertionKey(assertion);
        if (throttle.refuse("gce", key, req.getRemoteAddr())) {
            oauthError(resp, 429, "invalid_grant", THROTTLED);
            return;
        }
        try {
            String root = rootUrl(req);
            TokenService.Issued issued = tokens.grant(assertion, List.of(root + path.substring(1)));
            JsonObject out = new JsonObject();
            out.addProperty("access_token", issued.accessToken());
            out.addProperty("expires_in", issued.expiresInSeconds());
            out.addProperty("token_type", "Bearer");
            write(resp, new GceDispatcher.Reply(200, out.toString()));
        } catch (TokenService.Refused e) {
            throttle.failed("gce", key, req.getRemoteAddr());
            oauthError(resp, 400, "invalid_grant", e.getMessage());
        }
    }

    /**
     * The service-account key a JWT assertion names ({@code kid} of its header), or null; only
     * to count failures per key, so nothing here is trusted.
     */
    static String assertionKey(String jwt) {
        int dot = jwt.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, dot)),
                    StandardCharsets.UTF_8);
            var kid = com.google.gson.JsonParser.parseString(header).getAsJsonObject().get("kid");
            return kid == null || !kid.isJsonPrimitive() ? null : kid.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void oauthError(HttpServletResponse resp, int status, String error, String description)
            throws IOException {
        JsonObject out = new JsonObject();
        out.addProperty("error", error);
        out.addProperty("error_description", description);
        write(resp, new GceDispatcher.Reply(status, out.toString()));
    }

    private CallContext authenticate(HttpServletRequest req, String root) {
        String header = req.getHeader("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else {
            Map<String, List<String>> q = query(req.getQueryString());
            token = Optional.ofNullable(first(q, "access_token")).orElse(first(q, "oauth_token"));
        }
        String address = req.getRemoteAddr();
        // a bearer token is a secret, not a name: failures are counted per address only
        if (throttle.refuse("gce", null, address)) {
            throw new GceException(GceError.RATE_LIMIT_EXCEEDED, THROTTLED);
        }
        if (token == null || token.isEmpty()) {
            // no credentials, nothing guessed: not a failure to count
            throw new TokenService.Refused("missing credentials");
        }
        try {
            return tokens.bearer(token, root).context(address);
        } catch (TokenService.Refused e) {
            throttle.failed("gce", null, address);
            throw e;
        }
    }

    private static void requireVerb(HttpServletRequest req, String verb) {
        if (!verb.equals(req.getMethod())) {
            throw new GceException(GceError.METHOD_NOT_ALLOWED, "Method " + req.getMethod() + " is not allowed here");
        }
    }

    /**
     * Google's API host names. A client that addresses one of them reached this server through a
     * proxy or resolver standing in for Google (libcloud's GCE driver takes no host, only a
     * {@code proxy_url}), and follows only Google's own {@code https://host/…} links: Google
     * serves HTTPS alone, and libcloud strips exactly that prefix from a link to request it.
     */
    private static final Set<String> GOOGLE_API_HOSTS = Set.of("www.googleapis.com", "compute.googleapis.com");

    /** {@code http://host:port/} as the client reached us; Google's {@code https://host/} for Google's host names. */
    static String rootUrl(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host != null && GOOGLE_API_HOSTS.contains(host)) {
            return "https://" + host + "/";
        }
        return req.getScheme() + "://" + (host != null ? host : req.getServerName() + ":" + req.getServerPort()) + "/";
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            out.add(decode(s.replace("+", "%2B")));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static Map<String, List<String>> query(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Form decoding: in a query string {@code +} is a space, as Google's clients send it. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GceException(GceError.INVALID, "Malformed percent-encoding in the request");
        }
    }

    private static byte[] body(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] data = in.readNBytes(MAX_BODY + 1);
            if (data.length > MAX_BODY) {
                throw new GceException(GceError.PAYLOAD_TOO_LARGE, "The request body exceeds " + MAX_BODY + " bytes");
            }
            return data;
        }
    }

    private static void write(HttpServletResponse resp, GceDispatcher.Reply reply) throws IOException {
        byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(reply.status());
        resp.setContentType("application/json; charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
