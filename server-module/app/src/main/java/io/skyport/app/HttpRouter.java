package io.skyport.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.HttpReplies;
import io.skyport.plugin.Refusal;
import io.skyport.plugin.SettingReader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one servlet: {@code /healthz}, {@code /metrics}, and the module endpoints by longest
 * path prefix. A switched-off endpoint answers in its own protocol's error format.
 */
public class HttpRouter extends HttpServlet {
    private static final Logger LOG = LogManager.getLogger(HttpRouter.class);

    private record Route(String prefix, ApiEndpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final SettingReader settings;
    private final PrometheusMeterRegistry prometheus;
    private final BooleanSupplier healthy;

    public HttpRouter(ModuleRegistry registry, SettingReader settings, PrometheusMeterRegistry prometheus,
                      BooleanSupplier healthy) {
        this.settings = settings;
        this.prometheus = prometheus;
        this.healthy = healthy;
        for (ApiEndpoint e : registry.endpoints()) {
            for (String p : e.pathPrefixes()) {
                routes.add(new Route(p, e));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if ("/healthz".equals(path)) {
            boolean ok = healthy.getAsBoolean();
            text(resp, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
            return;
        }
        if ("/metrics".equals(path)) {
            text(resp, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
            return;
        }
        for (Route r : routes) {
            if (path.equals(r.prefix()) || path.startsWith(r.prefix() + "/")) {
                serve(r.endpoint(), req, resp);
                return;
            }
        }
        if ("/".equals(path)) {
            for (Route r : routes) {
                if (r.endpoint().claimsRoot(req)) {
                    serve(r.endpoint(), req, resp);
                    return;
                }
            }
            resp.setStatus(302);
            resp.setHeader("Location", "/client/");
            return;
        }
        LOG.debug("no route for {}", path);
        text(resp, 404, "application/json", "{\"error\":\"not found\",\"path\":\"" + path.replaceAll("[^\\w/.-]", "")
                + "\"}");
    }

    /**
     * The endpoint whose prefix an undecoded request path falls under, for answers given before
     * the request is parsed. The prefixes are plain ASCII, so matching the raw path is exact.
     */
    public Optional<ApiEndpoint> endpointForRawPath(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        for (Route r : routes) {
            if (rawPath.equals(r.prefix()) || rawPath.startsWith(r.prefix() + "/")) {
                return Optional.of(r.endpoint());
            }
        }
        return Optional.empty();
    }

    private void serve(ApiEndpoint e, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (e.enabledBy().map(s -> !settings.get(s)).orElse(false)) {
            e.writeDisabled(req, resp);
            return;
        }
        Optional<Refusal> tooLarge = tooLarge(e, req);
        if (tooLarge.isPresent()) {
            LOG.debug("{} request to {} refused: {}", e.apiName(), req.getRequestURI(), tooLarge.get());
            e.writeRefusal(req, resp, tooLarge.get());
            return;
        }
        e.handle(req, resp);
    }

    /**
     * The admin's size limits (settings, so they change without a restart), checked before the
     * API reads anything. Jetty's own ceilings (configuration) stay above them and catch what
     * cannot be measured here, such as a chunked body without a length.
     */
    private Optional<Refusal> tooLarge(ApiEndpoint e, HttpServletRequest req) {
        String query = req.getQueryString();
        long uri = req.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (uri > settings.get(CoreSettings.MAX_URI_BYTES)) {
            return Optional.of(Refusal.URI_TOO_LONG);
        }
        long headers = 0;
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                headers += name.length() + value.length() + 4;
            }
        }
        if (headers > settings.get(CoreSettings.MAX_HEADER_BYTES)) {
            return Optional.of(Refusal.HEADERS_TOO_LARGE);
        }
        if (req.getContentLengthLong() > settings.get(CoreSettings.maxBody(e.apiName()))) {
            return Optional.of(Refusal.BODY_TOO_LARGE);
        }
        return Optional.empty();
    }

    private static void text(HttpServletResponse resp, int status, String type, String body) throws IOException {
        HttpReplies.writeText(resp, status, type, body);
    }
}
