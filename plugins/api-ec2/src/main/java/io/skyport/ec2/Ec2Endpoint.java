package io.skyport.ec2;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.core.identity.IdentityService.Principal;
import io.skyport.core.event.AdminAudit;
import io.skyport.core.security.AuthThrottle;
import io.skyport.ec2.auth.Ec2Authenticator;
import io.skyport.ec2.auth.SignedRequest;
import io.skyport.ec2.wire.XmlWriter;
import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Refusal;
import io.skyport.plugin.Setting;
import io.skyport.core.settings.CoreSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.SdkPojo;

/**
 * {@code /ec2}: the EC2 Query API. Reads the request (query string and form body), verifies its
 * signature, finds the operation named by {@code Action} in the server's command catalog, binds
 * its request shape, runs it and writes the response shape as EC2 XML, or an EC2 error body.
 */
public class Ec2Endpoint implements ApiEndpoint {
    public static final String API = "ec2";
    private static final Logger LOG = LogManager.getLogger(Ec2Endpoint.class);
    /** Largest request body read; user data (16 KiB) and imported keys fit well within it. */
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_PARAMS = 2000;

    private final CommandCatalog catalog;
    private final Ec2Authenticator auth;
    private final MeterRegistry metrics;
    private final AuthThrottle throttle;
    private final AdminAudit audit;

    public Ec2Endpoint(CommandCatalog catalog, Ec2Authenticator auth, MeterRegistry metrics, AuthThrottle throttle,
                       AdminAudit audit) {
        this.catalog = catalog;
        this.auth = auth;
        this.metrics = metrics;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public String apiName() {
        return API;
    }

    @Override
    public void writeRefusal(HttpServletRequest req, HttpServletResponse resp, Refusal refusal) throws IOException {
        Ec2Error error = Ec2Error.of(refusal);
        writeError(resp, error, refusal == Refusal.THROTTLED ? THROTTLED
                : "The request exceeds a size limit of this server", UUID.randomUUID().toString());
    }

    /** One text for every throttled request, whichever key or address caused it. */
    private static final String THROTTLED = "Request limit exceeded: too many failed authentications for this key "
            + "or from this address; try again later.";

    @Override
    public List<String> pathPrefixes() {
        return List.of("/ec2");
    }

    /**
     * EC2 calls sent to {@code /} (the AWS SDK for Java drops the endpoint's path): those signed
     * with SigV4 for service {@code ec2}, or naming an {@code Action} in the query string.
     */
    @Override
    public boolean claimsRoot(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.startsWith("AWS4-HMAC-SHA256") && auth.contains("/ec2/aws4_request")) {
            return true;
        }
        String query = req.getQueryString();
        return query != null && (query.startsWith("Action=") || query.contains("&Action="));
    }

    @Override
    public Optional<Setting<Boolean>> enabledBy() {
        return Optional.of(CoreSettings.EC2_API_ENABLED);
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        writeError(resp, Ec2Error.UNSUPPORTED_OPERATION, "The EC2-compatible API is disabled by the administrator "
                + "(setting ec2.api.enabled).", UUID.randomUUID().toString());
    }

    /** A request the HTTP server could not parse: EC2's MalformedQueryString, with the server's status. */
    @Override
    public Optional<RefusedReply> refused(int status, String rawQuery) {
        Ec2Error err = status < 500 ? Ec2Error.MALFORMED_QUERY_STRING : Ec2Error.INTERNAL_ERROR;
        return Optional.of(new RefusedReply(status < 500 ? status : err.status(), "text/xml;charset=UTF-8",
                XmlWriter.error(err.code(), status < 500 ? "The request URI, a percent-escape or a header in it "
                        + "is malformed." : "An internal error has occurred", UUID.randomUUID().toString())));
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String action = "unknown";
        String outcome = "client-error";
        CommandDescriptor audited = null;
        CallContext caller = null;
        Answer answer;
        try {
            SignedRequest signed = read(req);
            String address = req.getRemoteAddr();
            String key = Ec2Authenticator.accessKeyOf(signed);
            if (throttle.refuse(API, key, address)) {
                throw new Ec2Exception(Ec2Error.REQUEST_LIMIT_EXCEEDED, THROTTLED);
            }
            Principal who;
            try {
                who = auth.authenticate(signed);
            } catch (Ec2Exception e) {
                throttle.failed(API, key, address);
                throw e;
            }
            CallContext ctx = who.context(address);
            String name = signed.params().get("Action");
            if (name == null) {
                throw Ec2Exception.missing("Action");
            }
            CommandDescriptor d = catalog.find(API, name).filter(c -> c.name().equals(name))
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_ACTION, "The action " + name
                            + " is not valid for this web service."));
            action = d.name();
            if (!Arrays.asList(d.command().roles()).contains(ctx.role())) {
                audit.record(API, d, ctx, address, "refused");
                throw new Ec2Exception(Ec2Error.UNAUTHORIZED_OPERATION, "You are not authorized to perform this "
                        + "operation.");
            }
            audited = d;
            caller = ctx;
            ApiOperation op = d.factory().get();
            if (!(op instanceof Ec2Action<?> ec2)) {
                throw new IllegalStateException(d.type().getName() + " is registered for ec2 but is not an Ec2Action");
            }
            ec2.bind(signed.params(), endpointUrl(req));
            SdkPojo result = (SdkPojo) ec2.execute(ctx);
            String xml = XmlWriter.response(action, requestId, result);
            // the audit event is written before the answer, so a client that has its answer finds it
            audit.record(API, d, ctx, address, "success");
            audited = null;
            outcome = "success";
            answer = new Answer(200, xml);
        } catch (Ec2Exception e) {
            failed(audited, caller, req);
            outcome = e.error().status() >= 500 ? "server-error" : "client-error";
            answer = Answer.error(e.error(), e.getMessage(), requestId);
        } catch (ApiException e) {
            Ec2Error err = Ec2Error.of(e.error());
            failed(audited, caller, req);
            outcome = err.status() >= 500 ? "server-error" : "client-error";
            answer = Answer.error(err, e.getMessage(), requestId);
        } catch (RuntimeException e) {
            LOG.error("EC2 {} failed (request {})", action, requestId, e);
            failed(audited, caller, req);
            outcome = "server-error";
            answer = Answer.error(Ec2Error.INTERNAL_ERROR, "An internal error has occurred", requestId);
        } finally {
            // counted before the answer goes, as the audit event is: a client that has its answer finds
            // its call in the panel's counts
            Timer.builder("skyport.api.requests").tag("api", API).tag("command", action).tag("outcome", outcome)
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        write(resp, answer.status(), answer.xml(), requestId);
    }

    /** What a call answers: its HTTP status and XML document. */
    private record Answer(int status, String xml) {
        static Answer error(Ec2Error error, String message, String requestId) {
            return new Answer(error.status(), XmlWriter.error(error.code(), message, requestId));
        }
    }

    /** Audits a failed call of an authorized operation (null when it never got that far). */
    private void failed(CommandDescriptor audited, CallContext caller, HttpServletRequest req) {
        if (audited != null) {
            audit.record(API, audited, caller, req.getRemoteAddr(), "failed");
        }
    }

    private static String endpointUrl(HttpServletRequest req) {
        String host = req.getHeader("Host");
        return req.getScheme() + "://" + (host != null ? host : req.getServerName() + ":" + req.getServerPort()) + "/ec2";
    }

    private static SignedRequest read(HttpServletRequest req) throws IOException {
        byte[] body = body(req);
        TreeMap<String, String> params = new TreeMap<>();
        parse(req.getQueryString(), params);
        String type = req.getContentType();
        if (body.length > 0 && (type == null || type.toLowerCase(Locale.ROOT).startsWith(
                "application/x-www-form-urlencoded"))) {
            parse(new String(body, StandardCharsets.UTF_8), params);
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(req.getHeaders(name))));
        }
        String uri = req.getRequestURI();
        return new SignedRequest(req.getMethod(), uri, req.getQueryString(), headers, body, params);
    }

    private static byte[] body(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] data = in.readNBytes(MAX_BODY + 1);
            if (data.length > MAX_BODY) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE, "The request body exceeds " + MAX_BODY
                        + " bytes");
            }
            return data;
        }
    }

    /** Adds form-encoded pairs; the first value of a repeated name wins. */
    private static void parse(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE, "Malformed percent-encoding in the request");
            }
            if (params.size() > MAX_PARAMS) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE, "Too many parameters");
            }
        }
    }

    private static void writeError(HttpServletResponse resp, Ec2Error error, String message, String requestId)
            throws IOException {
        Answer a = Answer.error(error, message, requestId);
        write(resp, a.status(), a.xml(), requestId);
    }

    private static void write(HttpServletResponse resp, int status, String xml, String requestId) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/xml;charset=UTF-8");
        resp.setHeader("x-amzn-RequestId", requestId);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
