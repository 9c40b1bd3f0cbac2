package io.skyport.gce.discovery;

import com.google.cloud.compute.v1.Compute;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.spec.ComputeSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Google API Discovery Service REST description ({@code discovery#restDescription}) of the
 * Compute Engine v1 methods this server serves, generated from compute.proto. Clients that build
 * themselves from a discovery document (googleapiclient's {@code build_from_document}, for one)
 * learn paths, parameters and schemas from it, so it follows the layout of Google's published
 * compute v1 document:
 * <ul>
 * <li>path variables and parameters use JSON names: compute.proto's {@code {url_map}} is
 * {@code {urlMap}}, as in Google's document;</li>
 * <li>no {@code pattern} is declared for path parameters: Google's patterns only admit
 * lowercase names, which would make clients refuse names this server accepts;</li>
 * <li>{@code required} is only set on path parameters.</li>
 * </ul>
 */
public final class DiscoveryDocument {
    static final String SCOPE_CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String SCOPE_COMPUTE = "https://www.googleapis.com/auth/compute";
    static final String SCOPE_COMPUTE_READONLY = "https://www.googleapis.com/auth/compute.readonly";

    private DiscoveryDocument() {
    }

    /**
     * The document for {@code served}, addressed at {@code rootUrl}.
     *
     * @param rootUrl where the API is reached, ending in {@code /}, e.g. {@code http://127.0.0.1:8080/}
     */
    public static JsonObject build(Collection<ApiMethod> served, String rootUrl) {
        if (!rootUrl.endsWith("/")) {
            throw new IllegalArgumentException("rootUrl must end in /: " + rootUrl);
        }
        // served may be any collection: sorting makes the output independent of its order
        List<ApiMethod> methods = served.stream().sorted(Comparator.comparing(ApiMethod::id)).toList();
        JsonObject doc = new JsonObject();
        describeApi(doc, rootUrl);
        doc.add("parameters", StandardParameters.json());
        doc.add("auth", auth());
        doc.add("schemas", DiscoverySchemas.of(methods));
        doc.add("resources", resources(methods));
        return doc;
    }

    private static void describeApi(JsonObject doc, String rootUrl) {
        doc.addProperty("kind", "discovery#restDescription");
        doc.addProperty("discoveryVersion", "v1");
        doc.addProperty("id", "compute:v1");
        doc.addProperty("name", "compute");
        doc.addProperty("version", "v1");
        doc.addProperty("revision", revision());
        doc.addProperty("title", "Compute Engine API");
        doc.addProperty("description", "Creates and runs virtual machines.");
        doc.addProperty("documentationLink", "https://cloud.google.com/compute/");
        doc.addProperty("protocol", "rest");
        doc.addProperty("rootUrl", rootUrl);
        doc.addProperty("servicePath", ComputeSpec.SERVICE_PATH);
        doc.addProperty("basePath", "/" + ComputeSpec.SERVICE_PATH);
        doc.addProperty("baseUrl", rootUrl + ComputeSpec.SERVICE_PATH);
        doc.addProperty("batchPath", "batch/compute/v1");
    }

    /** The version of the compute.proto model the document is generated from. */
    private static String revision() {
        String version = Compute.class.getPackage().getImplementationVersion();
        return Objects.requireNonNullElse(version, "proto-google-cloud-compute-v1");
    }

    private static JsonObject auth() {
        JsonObject scopes = new JsonObject();
        scopes.add(SCOPE_CLOUD_PLATFORM, described("View and manage your data across Google Cloud services"));
        scopes.add(SCOPE_COMPUTE, described("View and manage your Google Compute Engine resources"));
        scopes.add(SCOPE_COMPUTE_READONLY, described("View your Google Compute Engine resources"));
        JsonObject oauth2 = new JsonObject();
        oauth2.add("scopes", scopes);
        JsonObject auth = new JsonObject();
        auth.add("oauth2", oauth2);
        return auth;
    }

    private static JsonObject resources(List<ApiMethod> methods) {
        Map<String, JsonObject> byResource = new TreeMap<>();
        for (ApiMethod method : methods) {
            byResource.computeIfAbsent(method.resource(), r -> new JsonObject()).add(method.name(), method(method));
        }
        JsonObject resources = new JsonObject();
        byResource.forEach((name, resourceMethods) -> {
            JsonObject resource = new JsonObject();
            resource.add("methods", resourceMethods);
            resources.add(name, resource);
        });
        return resources;
    }

    private static JsonObject method(ApiMethod method) {
        String path = discoveryPath(method);
        JsonObject json = new JsonObject();
        json.addProperty("id", method.id());
        json.addProperty("path", path);
        json.addProperty("flatPath", path);
        json.addProperty("httpMethod", method.httpMethod());
        json.addProperty("description", description(method));
        json.add("parameters", parameters(method));
        json.add("parameterOrder", parameterOrder(method));
        if (method.bodyField() != null) {
            json.add("request", ref(method.bodyField().getMessageType().getName()));
        }
        json.add("response", ref(method.response().getName()));
        json.add("scopes", scopes(method));
        return json;
    }

    /** The method's path with each variable named by its field's JSON name ({@code {url_map}} becomes {@code {urlMap}}). */
    private static String discoveryPath(ApiMethod method) {
        String path = method.path().toString();
        for (FieldDescriptor field : method.pathFields()) {
            path = path.replace("{" + field.getName() + "}", "{" + field.getJsonName() + "}");
        }
        return path;
    }

    /** compute.proto's descriptor carries no comments, so the description says what the method does in HTTP terms. */
    private static String description(ApiMethod method) {
        String service = method.proto().getService().getName();
        StringBuilder text = new StringBuilder()
                .append(service).append('.').append(method.proto().getName()).append(": ")
                .append(method.httpMethod()).append(' ').append(discoveryPath(method));
        if (method.bodyField() != null) {
            text.append(" with a body of ").append(method.bodyField().getMessageType().getName());
        }
        return text.append(", answering ").append(method.response().getName()).append('.').toString();
    }

    private static JsonObject parameters(ApiMethod method) {
        JsonObject parameters = new JsonObject();
        for (FieldDescriptor field : method.pathFields()) {
            parameters.add(field.getJsonName(), pathParameter(field));
        }
        for (FieldDescriptor field : method.queryFields()) {
            parameters.add(field.getJsonName(), queryParameter(field));
        }
        return parameters;
    }

    private static JsonObject pathParameter(FieldDescriptor field) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("type", "string");
        parameter.addProperty("description", parameterDescription(field));
        parameter.addProperty("location", "path");
        parameter.addProperty("required", true);
        return parameter;
    }

    private static JsonObject queryParameter(FieldDescriptor field) {
        JsonObject parameter = DiscoveryTypes.elementType(field);
        parameter.addProperty("description", parameterDescription(field));
        parameter.addProperty("location", "query");
        if (field.isRepeated()) {
            parameter.addProperty("repeated", true);
        }
        return parameter;
    }

    private static String parameterDescription(FieldDescriptor field) {
        return "The " + field.getName() + " field of " + field.getContainingType().getName() + ".";
    }

    private static JsonArray parameterOrder(ApiMethod method) {
        JsonArray order = new JsonArray();
        method.pathFields().forEach(field -> order.add(field.getJsonName()));
        return order;
    }

    /** As in Google's document: every method takes the read-write scopes, reads also take the read-only one. */
    private static JsonArray scopes(ApiMethod method) {
        JsonArray scopes = new JsonArray();
        scopes.add(SCOPE_CLOUD_PLATFORM);
        scopes.add(SCOPE_COMPUTE);
        if (method.httpMethod().equals("GET")) {
            scopes.add(SCOPE_COMPUTE_READONLY);
        }
        return scopes;
    }

    private static JsonObject ref(String schema) {
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", schema);
        return ref;
    }

    private static JsonObject described(String description) {
        JsonObject o = new JsonObject();
        o.addProperty("description", description);
        return o;
    }
}
