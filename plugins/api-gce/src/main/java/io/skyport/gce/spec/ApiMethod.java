package io.skyport.gce.spec;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import java.util.List;
import java.util.Locale;

/**
 * One method of the Compute Engine v1 API as compute.proto defines it: its discovery id
 * ({@code compute.instances.insert}), HTTP verb and path, the request message whose fields carry
 * the path and query parameters, the field that takes the body, and the response message.
 *
 * @param id          discovery id, {@code compute.<resource>.<method>}
 * @param resource    discovery resource name, e.g. {@code zoneOperations}
 * @param name        discovery method name, e.g. {@code aggregatedList}
 * @param httpMethod  GET, POST, PUT, PATCH or DELETE
 * @param path        the path under {@code /compute/v1/}, e.g. {@code projects/{project}/zones/{zone}/instances}
 * @param bodyField   the request field the body is read into, or null
 */
public record ApiMethod(String id, String resource, String name, String httpMethod, PathTemplate path,
                        FieldDescriptor bodyField, MethodDescriptor proto) {

    public Descriptor request() {
        return proto.getInputType();
    }

    public Descriptor response() {
        return proto.getOutputType();
    }

    /** Request fields bound from the path, in path order. */
    public List<FieldDescriptor> pathFields() {
        return path.variables().stream().map(v -> request().findFieldByName(v)).toList();
    }

    /** Request fields bound from the query string: every field neither in the path nor the body. */
    public List<FieldDescriptor> queryFields() {
        return request().getFields().stream()
                .filter(f -> !path.variables().contains(f.getName()) && !f.equals(bodyField)).toList();
    }

    static String lowerCamel(String upperCamel) {
        return upperCamel.substring(0, 1).toLowerCase(Locale.ROOT) + upperCamel.substring(1);
    }
}
