package io.skyport.gce.discovery;

import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.skyport.gce.spec.ApiMethod;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code schemas} of a discovery document: one per compute.proto message that a served
 * method's body or response can contain, directly or through fields, list items and map values.
 * Messages only reachable from unserved methods are left out, so the document describes exactly
 * what the server speaks.
 */
final class DiscoverySchemas {

    private DiscoverySchemas() {
    }

    static JsonObject of(Collection<ApiMethod> served) {
        Map<String, Descriptor> reachable = reachableMessages(served);
        JsonObject schemas = new JsonObject();
        reachable.forEach((name, message) -> schemas.add(name, schema(message)));
        return schemas;
    }

    /** Reachable messages by simple name, sorted so the document is the same on every build. */
    private static Map<String, Descriptor> reachableMessages(Collection<ApiMethod> served) {
        Map<String, Descriptor> found = new TreeMap<>();
        Deque<Descriptor> pending = new ArrayDeque<>();
        for (ApiMethod method : served) {
            if (method.bodyField() != null) {
                pending.add(method.bodyField().getMessageType());
            }
            pending.add(method.response());
        }
        while (!pending.isEmpty()) {
            Descriptor message = pending.poll();
            if (!DiscoveryTypes.hasSchema(message) || found.putIfAbsent(message.getName(), message) != null) {
                continue;
            }
            message.getFields().stream().map(DiscoverySchemas::referencedMessage)
                    .filter(Objects::nonNull).forEach(pending::add);
        }
        return found;
    }

    /** The message a field's values are, or hold as map values; null for scalar fields. */
    private static Descriptor referencedMessage(FieldDescriptor field) {
        FieldDescriptor valued = field.isMapField() ? field.getMessageType().findFieldByName("value") : field;
        return valued.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? valued.getMessageType() : null;
    }

    private static JsonObject schema(Descriptor message) {
        JsonObject schema = new JsonObject();
        schema.addProperty("id", message.getName());
        schema.addProperty("type", "object");
        schema.addProperty("description", "The " + message.getName() + " message of Compute Engine v1.");
        JsonObject properties = new JsonObject();
        for (FieldDescriptor field : message.getFields()) {
            // property names are the proto3 JSON names the API reads and writes (IPProtocol, selfLink)
            properties.add(field.getJsonName(), DiscoveryTypes.fieldType(field));
        }
        schema.add("properties", properties);
        return schema;
    }
}
