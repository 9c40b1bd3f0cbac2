package io.skyport.gce.discovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.List;

/**
 * How one compute.proto field is typed in a discovery document: the JSON Schema subset the
 * Discovery Service uses ({@code type}, {@code format}, {@code items}, {@code additionalProperties},
 * {@code $ref}, {@code enum}), following the proto3 JSON mapping the API speaks on the wire.
 */
final class DiscoveryTypes {

    private DiscoveryTypes() {
    }

    /** The full type of a message field: arrays for repeated fields, objects for maps. */
    static JsonObject fieldType(FieldDescriptor field) {
        if (field.isMapField()) {
            JsonObject map = typed("object");
            map.add("additionalProperties", fieldType(field.getMessageType().findFieldByName("value")));
            return map;
        }
        if (field.isRepeated()) {
            JsonObject array = typed("array");
            array.add("items", elementType(field));
            return array;
        }
        return elementType(field);
    }

    /**
     * The type of one value of the field, ignoring repetition: what a query parameter declares
     * (a repeated parameter says {@code repeated: true} instead of being an array).
     */
    static JsonObject elementType(FieldDescriptor field) {
        return switch (field.getType()) {
            case STRING, ENUM -> withEnum(typed("string"), field);
            case BOOL -> typed("boolean");
            case INT32, SINT32, SFIXED32 -> formatted("integer", "int32");
            case UINT32, FIXED32 -> formatted("integer", "uint32");
            // 64-bit integers travel as JSON strings so no client loses precision
            case INT64, SINT64, SFIXED64 -> formatted("string", "int64");
            case UINT64, FIXED64 -> formatted("string", "uint64");
            case DOUBLE -> formatted("number", "double");
            case FLOAT -> formatted("number", "float");
            case BYTES -> formatted("string", "byte");
            case MESSAGE, GROUP -> messageType(field.getMessageType());
        };
    }

    /** Whether values of this message type are described by a schema of their own. */
    static boolean hasSchema(Descriptor message) {
        return !isAny(message);
    }

    private static JsonObject messageType(Descriptor message) {
        if (isAny(message)) {
            return anyType();
        }
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", message.getName());
        return ref;
    }

    private static boolean isAny(Descriptor message) {
        return message.getFullName().equals(Any.getDescriptor().getFullName());
    }

    /** google.protobuf.Any is written as an object carrying {@code @type} next to the packed fields. */
    private static JsonObject anyType() {
        JsonObject value = typed("any");
        value.addProperty("description", "Properties of the object. Contains field @type with type URL.");
        JsonObject object = typed("object");
        object.add("additionalProperties", value);
        return object;
    }

    private static JsonObject withEnum(JsonObject type, FieldDescriptor field) {
        List<String> values = enumValues(field);
        // an enum with no values would make clients refuse every value, so none is declared
        if (!values.isEmpty()) {
            JsonArray array = new JsonArray();
            values.forEach(array::add);
            type.add("enum", array);
        }
        return type;
    }

    /**
     * The values a field may take. compute.proto declares almost all of its enumerations as
     * string fields with a sibling nested enum named after the field (Instance.status and
     * Instance.Status; ForwardingRule.I_p_protocol and ForwardingRule.IPProtocolEnum where the
     * plain name was taken); only a few fields are typed with the enum itself. Each enum starts
     * with an {@code UNDEFINED_<NAME> = 0} placeholder that means "unset" and is never a value.
     */
    static List<String> enumValues(FieldDescriptor field) {
        EnumDescriptor type = valueEnum(field);
        if (type == null) {
            return List.of();
        }
        return type.getValues().stream().filter(v -> !isUnsetPlaceholder(v)).map(EnumValueDescriptor::getName).toList();
    }

    private static EnumDescriptor valueEnum(FieldDescriptor field) {
        if (field.getType() == FieldDescriptor.Type.ENUM) {
            return field.getEnumType();
        }
        Descriptor owner = field.getContainingType();
        String name = upperCamel(field.getJsonName());
        EnumDescriptor sibling = owner.findEnumTypeByName(name);
        return sibling != null ? sibling : owner.findEnumTypeByName(name + "Enum");
    }

    private static boolean isUnsetPlaceholder(EnumValueDescriptor value) {
        // FileContentBuffer.FileType also has a real value named UNDEFINED: only the zero one is skipped
        return value.getNumber() == 0 && value.getName().startsWith("UNDEFINED_");
    }

    private static String upperCamel(String lowerCamel) {
        return Character.toUpperCase(lowerCamel.charAt(0)) + lowerCamel.substring(1);
    }

    private static JsonObject typed(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o;
    }

    private static JsonObject formatted(String type, String format) {
        JsonObject o = typed(type);
        o.addProperty("format", format);
        return o;
    }
}
