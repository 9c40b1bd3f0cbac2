package io.skyport.ec2.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an operation's response object as EC2 XML. Element names are the EC2 model's location
 * names ({@code reservationSet}, {@code instanceState}) and list members are {@code item}: nothing
 * is named per operation here, so a response can only carry members its shape defines.
 */
public final class XmlWriter {
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private XmlWriter() {
    }

    public static String response(String operation, String requestId, SdkPojo body) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(operation).append("Response xmlns=\"")
                .append(NAMESPACE).append("\">");
        element(sb, "requestId", requestId);
        members(sb, body);
        sb.append("</").append(operation).append("Response>");
        return sb.toString();
    }

    public static String error(String code, String message, String requestId) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>");
        element(sb, "Code", code);
        element(sb, "Message", message);
        sb.append("</Error></Errors>");
        element(sb, "RequestID", requestId);
        sb.append("</Response>");
        return sb.toString();
    }

    private static void members(StringBuilder sb, SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue; // never set: absent, as opposed to an empty list that was set
            }
            value(sb, field, field.unmarshallLocationName(), value);
        }
    }

    private static void value(StringBuilder sb, SdkField<?> field, String name, Object value) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                String itemName = member.unmarshallLocationName() != null ? member.unmarshallLocationName() : "item";
                Collection<?> items = (Collection<?>) value;
                if (items.isEmpty()) {
                    sb.append('<').append(name).append("/>");
                    return;
                }
                sb.append('<').append(name).append('>');
                for (Object item : items) {
                    if (item != null) {
                        value(sb, member, itemName, item);
                    }
                }
                sb.append("</").append(name).append('>');
            }
            case SDK_POJO -> {
                sb.append('<').append(name).append('>');
                members(sb, (SdkPojo) value);
                sb.append("</").append(name).append('>');
            }
            case INSTANT -> element(sb, name, TIMESTAMP.format((Instant) value));
            case MAP, DOCUMENT -> {
                // no operation served here returns map-shaped members
            }
            default -> element(sb, name, String.valueOf(value));
        }
    }

    static void element(StringBuilder sb, String name, String text) {
        sb.append('<').append(name).append('>');
        escape(sb, text);
        sb.append("</").append(name).append('>');
    }

    static void escape(StringBuilder sb, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('\uFFFD'); // not representable in XML 1.0, even as a reference
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
