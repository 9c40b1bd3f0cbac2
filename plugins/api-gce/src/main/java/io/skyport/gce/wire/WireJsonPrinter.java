package io.skyport.gce.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Base64;

/**
 * The proto3 JSON mapping of a message, printed from its binary encoding: the generated code
 * serializes without reflection, and one pass over the bytes, guided by the descriptor, writes
 * the JSON. It prints what {@code JsonFormat} prints for compute.proto's messages (set fields
 * only, JSON names, 64-bit integers as strings, enum names, maps as objects) at a fraction of the
 * cost, which matters for lists of hundreds of instances. Messages of Google's well-known types
 * (Any, Struct, Timestamp…) have JSON forms of their own and are left to {@code JsonFormat}.
 */
final class WireJsonPrinter {
    private WireJsonPrinter() {
    }

    static boolean handles(Descriptor type) {
        return !type.getFile().getPackage().equals("google.protobuf");
    }

    static String print(Message m) {
        StringBuilder out = new StringBuilder(256);
        try {
            object(CodedInputStream.newInstance(m.toByteArray()), m.getDescriptorForType(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back " + m.getDescriptorForType().getName(), e);
        }
        return out.toString();
    }

    /**
     * Writes the message in {@code in} (to its end or limit) as a JSON object. The generated code
     * writes fields in number order, and the elements of a repeated field one after another, so
     * a run of one field number is one JSON array (or, for a map field, one JSON object).
     */
    private static void object(CodedInputStream in, Descriptor type, StringBuilder out) throws IOException {
        out.append('{');
        boolean first = true;
        FieldDescriptor open = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            FieldDescriptor f = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            if (f == null) {
                in.skipField(tag);
                continue;
            }
            boolean continuing = f.equals(open);
            if (!continuing) {
                if (open != null) {
                    out.append(open.isMapField() ? '}' : ']');
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(f.getJsonName(), out);
                out.append(':');
                open = f.isRepeated() ? f : null;
                if (open != null) {
                    out.append(f.isMapField() ? '{' : '[');
                }
            } else {
                out.append(',');
            }
            if (f.isMapField()) {
                mapEntry(in, f.getMessageType(), out);
            } else if (f.isRepeated() && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED
                    && f.getType() != FieldDescriptor.Type.MESSAGE && f.getType() != FieldDescriptor.Type.STRING
                    && f.getType() != FieldDescriptor.Type.BYTES) {
                packed(in, f, out);
            } else {
                value(in, f, out);
            }
            if (!f.isRepeated()) {
                open = null;
            }
        }
        if (open != null) {
            out.append(open.isMapField() ? '}' : ']');
        }
        out.append('}');
    }

    private static void packed(CodedInputStream in, FieldDescriptor f, StringBuilder out) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        boolean first = true;
        while (!in.isAtEnd()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(in, f, out);
        }
        in.popLimit(limit);
    }

    /** A map entry (key field 1, value field 2) as {@code "key":value}. */
    private static void mapEntry(CodedInputStream in, Descriptor entry, StringBuilder out) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        FieldDescriptor keyField = entry.findFieldByNumber(1);
        FieldDescriptor valueField = entry.findFieldByNumber(2);
        String key = "";
        StringBuilder value = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            int number = WireFormat.getTagFieldNumber(tag);
            if (number == 1) {
                StringBuilder k = new StringBuilder();
                value(in, keyField, k);
                key = k.charAt(0) == '"' ? k.substring(1, k.length() - 1) : k.toString();
            } else if (number == 2) {
                value = new StringBuilder();
                value(in, valueField, value);
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        // key was unescaped only by stripping the quotes: write it back as it was read
        out.append('"').append(key).append("\":");
        out.append(value != null ? value : defaultValue(valueField));
    }

    private static String defaultValue(FieldDescriptor f) {
        return switch (f.getJavaType()) {
            case STRING, BYTE_STRING -> "\"\"";
            case BOOLEAN -> "false";
            case MESSAGE -> "{}";
            case ENUM -> "\"" + f.getEnumType().findValueByNumber(0).getName() + "\"";
            case LONG -> "\"0\"";
            default -> "0";
        };
    }

    private static void value(CodedInputStream in, FieldDescriptor f, StringBuilder out) throws IOException {
        switch (f.getType()) {
            case STRING -> string(in.readStringRequireUtf8(), out);
            case BOOL -> out.append(in.readBool());
            case INT32 -> out.append(in.readInt32());
            case SINT32 -> out.append(in.readSInt32());
            case SFIXED32 -> out.append(in.readSFixed32());
            case UINT32 -> out.append(Integer.toUnsignedString(in.readUInt32()));
            case FIXED32 -> out.append(Integer.toUnsignedString(in.readFixed32()));
            case INT64 -> out.append('"').append(in.readInt64()).append('"');
            case SINT64 -> out.append('"').append(in.readSInt64()).append('"');
            case SFIXED64 -> out.append('"').append(in.readSFixed64()).append('"');
            case UINT64 -> out.append('"').append(Long.toUnsignedString(in.readUInt64())).append('"');
            case FIXED64 -> out.append('"').append(Long.toUnsignedString(in.readFixed64())).append('"');
            case DOUBLE -> number(in.readDouble(), out);
            case FLOAT -> number(in.readFloat(), out);
            case BYTES -> out.append('"').append(Base64.getEncoder().encodeToString(in.readByteArray())).append('"');
            case ENUM -> {
                int n = in.readEnum();
                EnumValueDescriptor v = f.getEnumType().findValueByNumber(n);
                if (v == null) {
                    out.append(n);
                } else {
                    string(v.getName(), out);
                }
            }
            case MESSAGE -> message(in, f.getMessageType(), out);
            default -> throw new IOException("unsupported field type " + f.getType() + " of " + f.getFullName());
        }
    }

    private static void message(CodedInputStream in, Descriptor type, StringBuilder out) throws IOException {
        int length = in.readRawVarint32();
        if (!handles(type)) {
            byte[] bytes = in.readRawBytes(length);
            out.append(ProtoJson.printWellKnown(type, bytes));
            return;
        }
        int limit = in.pushLimit(length);
        object(in, type, out);
        in.popLimit(limit);
    }

    private static void number(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            string(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity", out);
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d).append(".0");
        } else {
            out.append(d);
        }
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029;
    }

    /** A JSON string with the escapes JSON requires. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        if (plain == s.length()) {
            // most strings (names, links, states) need no escape at all
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
