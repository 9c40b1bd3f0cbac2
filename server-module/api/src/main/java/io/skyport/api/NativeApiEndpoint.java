package io.skyport.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyport.api.auth.NativeAuthenticator;
import io.skyport.api.command.Login.LoginResponse;
import io.skyport.api.write.ResponseTree;
import io.skyport.api.write.Writers;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.core.dispatch.ParamBinder;
import io.skyport.core.dispatch.ParamBinder.ParamException;
import io.skyport.core.event.AdminAudit;
import io.skyport.core.security.AuthThrottle;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Refusal;
import io.skyport.plugin.Role;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code /client/api}: the Apache CloudStack-compatible native API. Parses the request,
 * authenticates it, binds the command's declared parameters, runs it and writes the answer in
 * JSON or XML, with CloudStack's error bodies for every failure.
 */
public class NativeApiEndpoint implements ApiEndpoint {
    private static final Logger LOG = LogManager.getLogger(NativeApiEndpoint.class);
    public static final String API = "native";
    private static final int MAX_PARAMS = 512;
    private static final Pattern JSON_ASKED = Pattern.compile("(^|&)response=json(&|$)", Pattern.CASE_INSENSITIVE);

    private final CommandCatalog catalog;
    private final ParamBinder binder;
    private final NativeAuthenticator auth;
    private final MeterRegistry metrics;
    private final AuthThrottle throttle;
    private final AdminAudit audit;

    public NativeApiEndpoint(CommandCatalog catalog, ParamBinder binder, NativeAuthenticator auth, MeterRegistry metrics,
                             AuthThrottle throttle, AdminAudit audit) {
        this.catalog = catalog;
        this.binder = binder;
        this.auth = auth;
        this.metrics = metrics;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public String apiName() {
        return API;
    }

    /** Refused before the parameters are read: the body may be the problem, so only the query string counts. */
    @Override
    public void writeRefusal(HttpServletRequest req, HttpServletResponse resp, Refusal refusal) throws IOException {
        String query = req.getQueryString();
        boolean json = query != null && query.toLowerCase(Locale.ROOT).matches("(.*&)?response=json(&.*)?");
        writeError(resp, json, "errorresponse", NativeError.of(refusal), null);
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/client/api");
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        writeError(resp, isJson(req.getParameter("response")), "errorresponse", NativeError.INTERNAL,
                "The native API is disabled");
    }

    /**
     * A request the HTTP server could not parse: CloudStack's parameter error (431), in JSON when
     * the raw query asks for it; only a server-side failure keeps the internal error.
     */
    @Override
    public Optional<RefusedReply> refused(int status, String rawQuery) {
        boolean json = rawQuery != null && JSON_ASKED.matcher(rawQuery).find();
        NativeError err = status < 500 ? NativeError.PARAM_ERROR : NativeError.INTERNAL;
        JsonObject body = errorBody(err, "Unable to parse the request: malformed URI, escape or header (HTTP "
                + status + ")");
        return Optional.of(new RefusedReply(err.errorCode(), json ? Writers.JSON_TYPE : Writers.XML_TYPE,
                json ? Writers.json("errorresponse", body) : Writers.xml("errorresponse", body)));
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        Map<String, String> params = new LinkedHashMap<>();
        String outcome = "error";
        String commandName = "unknown";
        Answer answer;
        try {
            if (!collect(req, params)) {
                answer = () -> writeError(resp, false, "errorresponse", NativeError.PARAM_ERROR, "Too many parameters");
            } else {
                boolean json = isJson(params.get("response"));
                Optional<CommandDescriptor> found = catalog.find(API, params.get("command"));
                if (found.isEmpty()) {
                    outcome = "unknown";
                    answer = () -> writeError(resp, json, "errorresponse", NativeError.UNAUTHORIZED, null);
                } else {
                    CommandDescriptor d = found.get();
                    commandName = d.name();
                    String responseName = d.name().toLowerCase(Locale.ROOT) + "response";
                    Result r = dispatch(req, resp, d, params, responseName, json);
                    outcome = r.outcome();
                    answer = r.answer();
                }
            }
        } finally {
            // counted before the answer goes, as the audit event is: a client that has its answer finds its call
            Timer.builder("skyport.api.requests").tag("api", API).tag("command", commandName).tag("outcome", outcome)
                    .register(metrics).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        answer.send();
    }

    /**
     * Runs one command; every admin-only command's result, and every refusal of one, goes to the
     * audit trail here, so no command has to remember it. Returns the answer unsent.
     */
    private Result dispatch(HttpServletRequest req, HttpServletResponse resp, CommandDescriptor d,
                            Map<String, String> params, String responseName, boolean json) {
        String address = req.getRemoteAddr();
        // login names its user; every other call its API key (a session key is a random secret, not a name)
        String key = d.command().authenticated() ? get(params, "apikey") : get(params, "username");
        if (throttle.refuse(API, key, address)) {
            audit.record(API, d, null, address, "refused");
            return new Result("throttled", "refused",
                    () -> writeError(resp, json, responseName, NativeError.THROTTLED, null));
        }
        CallContext caller = null;
        if (d.command().authenticated()) {
            Optional<Principal> who = auth.authenticate(params, sessionKey(req, params));
            if (who.isEmpty()) {
                // signatures count; a missing or stale session key does not: a 24-byte random key cannot be
                // guessed, and counting it would block a browser that polls with an expired session
                if (key != null) {
                    throttle.failed(API, key, address);
                }
                audit.record(API, d, null, address, "refused");
                return new Result("unauthorized", "refused",
                        () -> writeError(resp, json, responseName, NativeError.UNAUTHORIZED, null));
            }
            caller = who.get().context(address);
            if (!Arrays.asList(d.command().roles()).contains(caller.role())) {
                audit.record(API, d, caller, address, "refused");
                return new Result("unauthorized", "refused", () -> writeError(resp, json, responseName,
                        NativeError.UNAUTHORIZED, "The given command " + d.name()
                                + " does not exist or it is not available for the user"));
            }
        }
        CallContext ctx = caller != null ? caller
                : new CallContext(0, null, 0, null, null, 0, null, Role.USER, address);
        Result r = execute(resp, d, params, responseName, json, ctx);
        if (!d.command().authenticated() && "refused".equals(r.audit())) {
            throttle.failed(API, key, address);
        }
        audit.record(API, d, caller, address, r.audit());
        return r;
    }

    /**
     * The metrics outcome of a call, its result as the audit trail records it, and the answer,
     * sent only once the audit event is written: a client that has its answer finds the event.
     */
    private record Result(String outcome, String audit, Answer answer) {
    }

    @FunctionalInterface
    private interface Answer {
        void send() throws IOException;
    }

    private Result execute(HttpServletResponse resp, CommandDescriptor d, Map<String, String> params,
                           String responseName, boolean json, CallContext ctx) {
        try {
            ApiOperation op = d.factory().get();
            binder.bind(op, d, lowerCased(params), ctx);
            Object result = op.execute(ctx);
            return new Result("success", "success", () -> writeResult(resp, json, responseName, result));
        } catch (ParamException e) {
            String cmd = d.name().toLowerCase(Locale.ROOT);
            String text = e.missing()
                    ? "Unable to execute API command " + cmd + " due to missing parameter " + e.param()
                    : "Unable to execute API command " + cmd + " due to invalid value. Invalid parameter " + e.param()
                    + " value=" + e.value() + " due to incorrect long value format, or entity does not exist or due "
                    + "to incorrect parameter annotation for the field in api cmd class.";
            return new Result("client-error", "failed",
                    () -> writeError(resp, json, responseName, NativeError.PARAM_ERROR, text));
        } catch (ApiException e) {
            NativeError err = NativeError.of(e.error());
            boolean refused = e.error() == ApiError.UNAUTHORIZED || e.error() == ApiError.FORBIDDEN;
            return new Result(err == NativeError.INTERNAL ? "server-error" : "client-error",
                    refused ? "refused" : "failed", () -> writeError(resp, json, responseName, err, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("command {} failed", d.name(), e);
            return new Result("server-error", "failed",
                    () -> writeError(resp, json, responseName, NativeError.INTERNAL, null));
        }
    }

    /** Query string and form body; the first value of a repeated name wins. */
    private static boolean collect(HttpServletRequest req, Map<String, String> params) {
        Map<String, String[]> raw = req.getParameterMap();
        if (raw.size() > MAX_PARAMS) {
            return false;
        }
        raw.forEach((k, v) -> {
            if (v.length > 0) {
                params.put(k, v[0]);
            }
        });
        return true;
    }

    private static String get(Map<String, String> params, String lowerName) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerName)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Map<String, String> lowerCased(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** The session key from the request parameter, the header, or the cookie, in that order. */
    private static String sessionKey(HttpServletRequest req, Map<String, String> params) {
        String key = params.get("sessionkey");
        if (key == null) {
            key = req.getHeader("sessionkey");
        }
        if (key == null && req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if ("sessionkey".equals(c.getName())) {
                    key = c.getValue();
                }
            }
        }
        if (key != null) {
            params.putIfAbsent("sessionkey", key);
        }
        return key;
    }

    private static boolean isJson(String response) {
        return "json".equalsIgnoreCase(response);
    }

    private static void writeResult(HttpServletResponse resp, boolean json, String name, Object result)
            throws IOException {
        if (result instanceof LoginResponse login) {
            Cookie c = new Cookie("sessionkey", login.sessionkey());
            c.setHttpOnly(true);
            c.setPath("/client");
            resp.addCookie(c);
        }
        JsonObject body = ResponseTree.body(result);
        write(resp, 200, json, name, body);
    }

    static void writeError(HttpServletResponse resp, boolean json, String name, NativeError err, String detail)
            throws IOException {
        write(resp, err.errorCode(), json, name, errorBody(err, detail));
    }

    private static JsonObject errorBody(NativeError err, String detail) {
        JsonObject body = new JsonObject();
        body.add("uuidList", new JsonArray());
        body.addProperty("errorcode", err.errorCode());
        if (err.csErrorCode() != 0) {
            body.addProperty("cserrorcode", err.csErrorCode());
        }
        body.addProperty("errortext", err.text(detail));
        return body;
    }

    private static void write(HttpServletResponse resp, int status, boolean json, String name, JsonObject body)
            throws IOException {
        String text = json ? Writers.json(name, body) : Writers.xml(name, body);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(json ? Writers.JSON_TYPE : Writers.XML_TYPE);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
