package io.skyport.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyport.core.network.MetadataCallers;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.vm.Vm;
import io.skyport.plugin.HttpReplies;
import io.skyport.plugin.MetadataCaller;
import io.skyport.plugin.MetadataEndpoint;
import io.skyport.plugin.SettingReader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The servlet of the metadata listener. The caller is the instance holding the request's source
 * address (the hosts forward 169.254.169.254 to this listener without rewriting the source); the
 * request then goes to the metadata service whose path prefix it names. A request from an address
 * no running instance holds is refused before any service sees it, whatever its path or headers,
 * so nothing about any instance leaks to an unknown source.
 */
public class MetadataRouter extends HttpServlet {
    private static final Logger LOG = LogManager.getLogger(MetadataRouter.class);

    private record Route(String prefix, MetadataEndpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final MetadataCallers callers;
    private final SettingReader settings;
    private final MeterRegistry metrics;

    public MetadataRouter(List<MetadataEndpoint> endpoints, MetadataCallers callers, SettingReader settings,
                          MeterRegistry metrics) {
        this.callers = callers;
        this.settings = settings;
        this.metrics = metrics;
        for (MetadataEndpoint e : endpoints) {
            for (String p : e.pathPrefixes()) {
                routes.add(new Route(p, e));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long started = System.nanoTime();
        String service = "none";
        try {
            if (!settings.get(CoreSettings.METADATA_ENABLED)) {
                refuse(resp);
                return;
            }
            Optional<Vm> vm = callers.bySourceAddress(req.getRemoteAddr());
            if (vm.isEmpty()) {
                LOG.debug("metadata request for {} from unknown source {} refused", req.getRequestURI(),
                        req.getRemoteAddr());
                refuse(resp);
                return;
            }
            String path = req.getRequestURI();
            for (Route r : routes) {
                if (path.equals(r.prefix()) || path.startsWith(r.prefix() + "/")) {
                    service = r.prefix();
                    Vm v = vm.get();
                    r.endpoint().handle(new MetadataCaller(v.id(), v.uuid(), v.accountId(), req.getRemoteAddr()),
                            req, resp);
                    return;
                }
            }
            text(resp, 404, "Not Found");
        } finally {
            Timer.builder("skyport.metadata.requests").tag("service", service).tag("status",
                    Integer.toString(resp.getStatus())).register(metrics).record(System.nanoTime() - started,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** One answer for every refused caller: it must not tell an unknown source anything. */
    private static void refuse(HttpServletResponse resp) throws IOException {
        text(resp, 403, "Forbidden");
    }

    private static void text(HttpServletResponse resp, int status, String body) throws IOException {
        HttpReplies.writeText(resp, status, "text/plain; charset=utf-8", body);
    }
}
