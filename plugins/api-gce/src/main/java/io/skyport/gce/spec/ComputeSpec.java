package io.skyport.gce.spec;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.cloud.compute.v1.Compute;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method of compute.proto (Google's published definition of Compute Engine v1), read from
 * the descriptor compiled into its Java model: services become discovery resources, their
 * {@code google.api.http} rules give verb, path and body. Nothing here is typed in per method.
 */
public final class ComputeSpec {
    public static final String SERVICE_PATH = "compute/v1/";
    private static final String PREFIX = "/" + SERVICE_PATH;

    private static volatile ComputeSpec instance;

    private final Map<String, ApiMethod> byId;

    private ComputeSpec(FileDescriptor file) {
        Map<String, ApiMethod> methods = new LinkedHashMap<>();
        for (ServiceDescriptor service : file.getServices()) {
            String resource = ApiMethod.lowerCamel(service.getName());
            for (MethodDescriptor m : service.getMethods()) {
                HttpRule rule = m.getOptions().getExtension(AnnotationsProto.http);
                String verb;
                String path;
                switch (rule.getPatternCase()) {
                    case GET -> { verb = "GET"; path = rule.getGet(); }
                    case POST -> { verb = "POST"; path = rule.getPost(); }
                    case PUT -> { verb = "PUT"; path = rule.getPut(); }
                    case PATCH -> { verb = "PATCH"; path = rule.getPatch(); }
                    case DELETE -> { verb = "DELETE"; path = rule.getDelete(); }
                    default -> { continue; }
                }
                if (!path.startsWith(PREFIX)) {
                    continue;
                }
                String name = ApiMethod.lowerCamel(m.getName());
                String id = "compute." + resource + "." + name;
                String body = rule.getBody();
                methods.put(id, new ApiMethod(id, resource, name, verb, new PathTemplate(path.substring(PREFIX.length())),
                        body.isEmpty() ? null : m.getInputType().findFieldByName(body), m));
            }
        }
        this.byId = Collections.unmodifiableMap(methods);
    }

    /** The spec, read once (the descriptor takes most of a second to build). */
    public static ComputeSpec get() {
        ComputeSpec s = instance;
        if (s == null) {
            synchronized (ComputeSpec.class) {
                s = instance;
                if (s == null) {
                    s = new ComputeSpec(Compute.getDescriptor());
                    instance = s;
                }
            }
        }
        return s;
    }

    public Optional<ApiMethod> method(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<ApiMethod> methods() {
        return byId.values();
    }

    /** The descriptor everything is read from (messages for the discovery schemas). */
    public static FileDescriptor file() {
        return Compute.getDescriptor();
    }

    /** The served method matching verb and path (segments under /compute/v1/), most specific first. */
    public static Optional<Match> route(Collection<ApiMethod> served, String verb, List<String> path) {
        Match best = null;
        for (ApiMethod m : served) {
            if (!m.httpMethod().equals(verb)) {
                continue;
            }
            Optional<Map<String, String>> vars = m.path().match(path);
            if (vars.isPresent() && (best == null || m.path().literalCount() > best.method().path().literalCount())) {
                best = new Match(m, vars.get());
            }
        }
        return Optional.ofNullable(best);
    }

    public record Match(ApiMethod method, Map<String, String> pathValues) {
    }
}
