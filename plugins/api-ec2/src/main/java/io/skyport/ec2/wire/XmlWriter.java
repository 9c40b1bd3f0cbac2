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
        // room for a one-instance answer; large listings grow it by doubling. A bigger start is
        // allocated and zeroed on every call, and most calls (state polls) answer a few KiB
        StringBuilder sb = new StringBuilder(4096);
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

    /**
     * How to write one member, worked out once per shape: the SDK's field lookups (traits,
     * location names) are map look-ups that would otherwise run for every member of every item.
     */
    private record Member(SdkField<?> field, String name, MarshallingKnownType type, Member item, String open,
                          String close, String empty) {
        static Member of(SdkField<?> field, String name) {
            MarshallingKnownType type = field.marshallingType().getKnownType();
            Member item = null;
            if (type == MarshallingKnownType.LIST) {
                SdkField<?> f = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                item = of(f, f.unmarshallLocationName() != null ? f.unmarshallLocationName() : "item");
            }
            return new Member(field, name, type, item, "<" + name + ">", "</" + name + ">", "<" + name + "/>");
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Class<?>, Member[]> SHAPE_CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Member[] shape(SdkPojo pojo) {
        return SHAPE_CACHE.computeIfAbsent(pojo.getClass(), c -> pojo.sdkFields().stream()
                .map(f -> Member.of(f, f.unmarshallLocationName())).toArray(Member[]::new));
    }

    private static void members(StringBuilder sb, SdkPojo pojo) {
        for (Member m : shape(pojo)) {
            Object value = m.field().getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue; // never set: absent, as opposed to an empty list that was set
            }
            value(sb, m, value);
        }
    }

    private static void value(StringBuilder sb, Member m, Object value) {
        switch (m.type()) {
            case LIST -> {
                Collection<?> items = (Collection<?>) value;
                if (items.isEmpty()) {
                    sb.append(m.empty());
                    return;
                }
                sb.append(m.open());
                for (Object item : items) {
                    if (item != null) {
                        value(sb, m.item(), item);
                    }
                }
                sb.append(m.close());
            }
            case SDK_POJO -> {
                sb.append(m.open());
                members(sb, (SdkPojo) value);
                sb.append(m.close());
            }
            case INSTANT -> {
                sb.append(m.open());
                timestamp(sb, (Instant) value);
                sb.append(m.close());
            }
            case MAP, DOCUMENT -> {
                // no operation served here returns map-shaped members
            }
            case STRING -> {
                sb.append(m.open());
                escape(sb, (String) value);
                sb.append(m.close());
            }
            default -> sb.append(m.open()).append(value).append(m.close());
        }
    }

    /**
     * ISO-8601 in UTC with milliseconds, as EC2 writes times ({@code 2026-11-25T09:30:00.000Z}).
     * Written digit by digit: a list of instances has thousands, and the general formatter's
     * fraction arithmetic was a tenth of a large answer's cost.
     */
    static void timestamp(StringBuilder sb, Instant t) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(),
                ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            sb.append(TIMESTAMP.format(t));
            return;
        }
        digits(sb, year, 4).append('-');
        digits(sb, d.getMonthValue(), 2).append('-');
        digits(sb, d.getDayOfMonth(), 2).append('T');
        digits(sb, d.getHour(), 2).append(':');
        digits(sb, d.getMinute(), 2).append(':');
        digits(sb, d.getSecond(), 2).append('.');
        digits(sb, t.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        int div = 1;
        for (int i = 1; i < width; i++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            sb.append((char) ('0' + (value / div) % 10));
        }
        return sb;
    }

    private static boolean safe(char c) {
        return c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' && c < 0xD800;
    }

    static void element(StringBuilder sb, String name, String text) {
        sb.append('<').append(name).append('>');
        escape(sb, text);
        sb.append("</").append(name).append('>');
    }

    static void escape(StringBuilder sb, String text) {
        int plain = 0;
        while (plain < text.length() && safe(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            sb.append(text); // the common case: nothing to escape
            return;
        }
        sb.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i)); // a supplementary character, kept whole
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append('\uFFFD'); // not representable in XML 1.0, even as a reference
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
