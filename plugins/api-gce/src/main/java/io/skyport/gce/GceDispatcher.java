package io.skyport.gce;

import com.google.protobuf.Message;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.core.event.AdminAudit;
import com.google.cloud.compute.v1.Operation;
import io.skyport.gce.service.Operations;
import io.skyport.gce.service.Projects;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.spec.ComputeSpec;
import io.skyport.gce.wire.ProtoJson;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs one Compute Engine call that is already authenticated: finds the served method whose HTTP
 * rule matches verb and path, checks the project, binds the request message, runs the operation
 * and renders its answer or its error as GCE JSON. The HTTP endpoint and the batch endpoint both
 * come through here.
 */
public class GceDispatcher {
    public static final String API = "gce";
    private static final Logger LOG = LogManager.getLogger(GceDispatcher.class);

    private final CommandCatalog catalog;
    private final Projects projects;
    private final Operations operations;
    private final MeterRegistry metrics;
    private final AdminAudit audit;
    private volatile List<ApiMethod> served;

    public GceDispatcher(CommandCatalog catalog, Projects projects, Operations operations, MeterRegistry metrics,
                         AdminAudit audit) {
        this.catalog = catalog;
        this.projects = projects;
        this.operations = operations;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** A rendered answer: HTTP status and JSON body. */
    public record Reply(int status, String json) {
    }

    /** The methods this server implements: those with a registered operation. */
    public List<ApiMethod> served() {
        List<ApiMethod> s = served;
        if (s == null) {
            List<ApiMethod> out = new ArrayList<>();
            ComputeSpec spec = ComputeSpec.get();
            for (CommandDescriptor d : catalog.list(API)) {
                spec.method(d.name()).ifPresentOrElse(out::add, () -> LOG.warn("{} is registered for gce but is not "
                        + "a method of compute.proto", d.name()));
            }
            served = s = List.copyOf(out);
        }
        return s;
    }

    /**
     * @param path   the path after {@code /compute/v1/}, split into decoded segments
     * @param base   the base of every link in answers: {@code http://host:port/compute/v1/}
     */
    public Reply dispatch(CallContext ctx, String verb, List<String> path, Map<String, List<String>> query, String body,
                          String base) {
        long start = System.nanoTime();
        String method = "unknown";
        String outcome = "client-error";
        CommandDescriptor audited = null;
        String auditResult = "failed";
        try {
            ComputeSpec.Match match = ComputeSpec.route(served(), verb, path).orElseThrow(() -> unknownPath(verb, path));
            method = match.method().id();
            String project = match.method().path().variables().contains("project")
                    ? match.pathValues().get("project") : null;
            boolean publicImageProject = checkProject(ctx, project, match.method());
            CommandDescriptor d = catalog.find(API, method).orElseThrow();
            audited = d;
            if (!Arrays.asList(d.command().roles()).contains(ctx.role())) {
                auditResult = "refused";
                throw forbidden(match.method(), project);
            }
            ApiOperation op = d.factory().get();
            if (!(op instanceof GceOperation<?> gce)) {
                throw new IllegalStateException(d.type().getName() + " is registered for gce but is not a GceOperation");
            }
            GceCall call = new GceCall(ctx, project, base, publicImageProject);
            gce.bind(match.method(), match.pathValues(), query, body, call);
            String requestId = gce.requestId();
            Optional<Operation> earlier = requestId == null ? Optional.empty() : operations.replay(call, requestId);
            Message result = earlier.isPresent() ? earlier.get() : (Message) gce.execute(ctx);
            if (requestId != null && earlier.isEmpty() && result instanceof Operation started) {
                operations.remember(call, requestId, started);
            }
            outcome = "success";
            auditResult = "success";
            return new Reply(200, ProtoJson.print(result));
        } catch (GceException e) {
            outcome = e.error().status() >= 500 ? "server-error" : "client-error";
            return error(e.error(), e.getMessage());
        } catch (ApiException e) {
            GceError err = GceError.of(e.error());
            outcome = err.status() >= 500 ? "server-error" : "client-error";
            return error(err, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("GCE {} {} failed", verb, method, e);
            outcome = "server-error";
            return error(GceError.BACKEND_ERROR, "Internal error. Please try again or contact your cloud "
                    + "administrator.");
        } finally {
            // the endpoint sends the reply after this: a client that has its answer finds the event
            if (audited != null) {
                audit.record(API, audited, ctx, ctx.remoteAddress(), auditResult);
            }
            Timer.builder("skyport.api.requests").tag("api", API).tag("command", method).tag("outcome", outcome)
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Only the caller's own project: any other, existing or not, is refused alike, but for image
     * methods, where any other project reads as a public image project such as debian-cloud, whose
     * images are none: whether another account's project exists must not show in the answer.
     * Returns whether it is such a project.
     */
    private boolean checkProject(CallContext ctx, String project, ApiMethod method) {
        if (project == null) {
            return false;
        }
        Optional<Long> owner = projects.accountOf(project);
        boolean own = owner.isPresent() && owner.get() == ctx.accountId();
        if (!own && "images".equals(method.resource())) {
            return true;
        }
        if (!own) {
            throw forbidden(method, project);
        }
        return false;
    }

    private static GceException forbidden(ApiMethod method, String project) {
        return new GceException(GceError.FORBIDDEN, "Required '" + method.id().replace("aggregatedList", "list")
                + "' permission for 'projects/" + project + "'");
    }

    private static GceException unknownPath(String verb, List<String> path) {
        return new GceException(GceError.NOT_FOUND, "The requested URL /compute/v1/" + String.join("/", path)
                + " was not found on this server (" + verb + ").");
    }

    public static Reply error(GceError error, String message) {
        com.google.gson.JsonObject item = new com.google.gson.JsonObject();
        item.addProperty("message", message);
        item.addProperty("domain", "global");
        item.addProperty("reason", error.reason());
        com.google.gson.JsonArray errors = new com.google.gson.JsonArray();
        errors.add(item);
        com.google.gson.JsonObject body = new com.google.gson.JsonObject();
        body.addProperty("code", error.status());
        body.addProperty("message", message);
        body.add("errors", errors);
        body.addProperty("status", error.grpcStatus());
        com.google.gson.JsonObject root = new com.google.gson.JsonObject();
        root.add("error", body);
        return new Reply(error.status(), root.toString());
    }
}
