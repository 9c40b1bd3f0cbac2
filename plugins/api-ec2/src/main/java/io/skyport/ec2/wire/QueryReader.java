package io.skyport.ec2.wire;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Reads an EC2 Query request ({@code InstanceId.1}, {@code Filter.1.Value.2},
 * {@code TagSpecification.1.Tag.1.Key}) into the operation's request object, walking the shape the
 * EC2 model defines: member names, flattened lists and value types all come from the model. A
 * parameter the shape does not have is refused with {@code UnknownParameter}, as EC2 does.
 */
public final class QueryReader {
    /** Parameters of the protocol itself, not of any operation. */
    private static final Set<String> PROTOCOL = Set.of("Action", "Version", "AWSAccessKeyId", "Signature",
            "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "SecurityToken");
    /** Lists longer than this are refused rather than read (a flood of InstanceId.N). */
    private static final int MAX_LIST = 1000;

    private QueryReader() {
    }

    /**
     * @param builder a fresh builder of the operation's request ({@code RunInstancesRequest.builder()})
     * @param params  the decoded query and form parameters, ordered by name
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(Buildable builder, NavigableMap<String, String> params) {
        Set<String> used = new HashSet<>();
        readStructure((SdkPojo) builder, "", params, used);
        for (String name : params.keySet()) {
            if (!used.contains(name) && !PROTOCOL.contains(name) && !name.startsWith("X-Amz-")) {
                throw new Ec2Exception(Ec2Error.UNKNOWN_PARAMETER, "The parameter " + name + " is not recognized");
            }
        }
        return (T) builder.build();
    }

    private static void readStructure(SdkPojo target, String prefix, NavigableMap<String, String> params,
                                      Set<String> used) {
        for (SdkField<?> field : target.sdkFields()) {
            Object value = readValue(field, prefix + field.locationName(), params, used);
            if (value != null) {
                field.set(target, value);
            }
        }
    }

    private static Object readValue(SdkField<?> field, String key, NavigableMap<String, String> params,
                                    Set<String> used) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.LIST) {
            return readList(field, key, params, used);
        }
        if (type == MarshallingKnownType.SDK_POJO) {
            if (!hasPrefix(params, key + ".")) {
                return null;
            }
            SdkPojo nested = field.constructor().get();
            readStructure(nested, key + ".", params, used);
            return ((Buildable) nested).build();
        }
        String raw = params.get(key);
        if (raw == null) {
            return null;
        }
        used.add(key);
        return scalar(type, key, raw);
    }

    private static List<Object> readList(SdkField<?> field, String key, NavigableMap<String, String> params,
                                         Set<String> used) {
        if (!hasPrefix(params, key + ".")) {
            return null;
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= MAX_LIST; i++) {
            String itemKey = key + "." + i;
            Object item = readValue(member, itemKey, params, used);
            if (item == null) {
                // clients number members from 1 without gaps; anything left under the prefix is unknown
                break;
            }
            out.add(item);
        }
        return out;
    }

    private static boolean hasPrefix(NavigableMap<String, String> params, String prefix) {
        String next = params.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    private static Object scalar(MarshallingKnownType type, String key, String raw) {
        try {
            switch (type) {
                case STRING:
                    return raw;
                case INTEGER:
                    return Integer.valueOf(raw.trim());
                case LONG:
                    return Long.valueOf(raw.trim());
                case DOUBLE:
                    return Double.valueOf(raw.trim());
                case FLOAT:
                    return Float.valueOf(raw.trim());
                case BOOLEAN:
                    return bool(key, raw);
                case INSTANT:
                    return Instant.parse(raw.trim());
                case SDK_BYTES:
                    return SdkBytes.fromByteArray(Base64.getMimeDecoder().decode(raw));
                default:
                    throw Ec2Exception.invalid(key, raw, "The parameter is not supported.");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Ec2Exception.invalid(key, raw, "Expected a " + type.name().toLowerCase(Locale.ROOT) + ".");
        } catch (IllegalArgumentException e) {
            throw Ec2Exception.invalid(key, "(binary)", "Expected base64-encoded data.");
        }
    }

    private static Boolean bool(String key, String raw) {
        if ("true".equalsIgnoreCase(raw)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return Boolean.FALSE;
        }
        throw Ec2Exception.invalid(key, raw, "Expected true or false.");
    }
}
