package io.skyport.gce.wire;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.spec.ApiMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a method's request message the way Google's HTTP transcoding does: path variables into
 * the fields they name, the body into the rule's body field, every other query parameter into the
 * field of that JSON name. Parameters no field takes are refused, but for the system parameters
 * every Google API accepts.
 */
public final class RequestBinder {
    /** Accepted on every method and not part of any request message. */
    private static final Set<String> SYSTEM_PARAMETERS = Set.of("alt", "fields", "key", "oauth_token", "access_token",
            "prettyPrint", "quotaUser", "userIp", "$.xgafv", "callback", "uploadType", "upload_protocol", "trace",
            "userProject");

    private RequestBinder() {
    }

    public static Message bind(ApiMethod method, Message.Builder builder, Map<String, String> path,
                               Map<String, List<String>> query, String body) {
        if (method.bodyField() != null) {
            if (body == null || body.isBlank()) {
                throw new GceException(GceError.REQUIRED, "Required field 'resource' not specified");
            }
            ProtoJson.merge(body, builder.getFieldBuilder(method.bodyField()));
        }
        Map<String, FieldDescriptor> byName = new HashMap<>();
        for (FieldDescriptor f : method.queryFields()) {
            byName.put(f.getJsonName(), f);
            byName.put(f.getName(), f);
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            FieldDescriptor f = byName.get(e.getKey());
            if (f == null) {
                if (SYSTEM_PARAMETERS.contains(e.getKey())) {
                    continue;
                }
                throw new GceException(GceError.INVALID_PARAMETER, "Invalid JSON payload received. Unknown name \""
                        + e.getKey() + "\": Cannot bind query parameter. Field '" + e.getKey()
                        + "' could not be found in request message.");
            }
            for (String v : f.isRepeated() ? e.getValue() : e.getValue().subList(0, 1)) {
                Object value = convert(f, e.getKey(), v);
                if (f.isRepeated()) {
                    builder.addRepeatedField(f, value);
                } else {
                    builder.setField(f, value);
                }
            }
        }
        for (FieldDescriptor f : method.pathFields()) {
            builder.setField(f, path.get(f.getName()));
        }
        return builder.build();
    }

    private static Object convert(FieldDescriptor f, String name, String v) {
        try {
            return switch (f.getJavaType()) {
                case STRING -> v;
                case BOOLEAN -> {
                    // gcloud sends Python's spelling, True and False
                    if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(v);
                }
                case INT -> f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32
                        ? Integer.parseUnsignedInt(v) : Integer.parseInt(v);
                case LONG -> f.getType() == FieldDescriptor.Type.UINT64 || f.getType() == FieldDescriptor.Type.FIXED64
                        ? Long.parseUnsignedLong(v) : Long.parseLong(v);
                case DOUBLE -> Double.parseDouble(v);
                case FLOAT -> Float.parseFloat(v);
                default -> throw new GceException(GceError.INVALID_PARAMETER, "Parameter " + name
                        + " cannot be given in the query string");
            };
        } catch (NumberFormatException e) {
            throw new GceException(GceError.INVALID_PARAMETER, "Invalid value at '" + name + "' (" + f.getType()
                    .name() + "), \"" + v + "\"");
        }
    }
}
