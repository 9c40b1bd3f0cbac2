package io.skyport.gce.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;

/**
 * Compute Engine's JSON is the proto3 JSON mapping of compute.proto's messages: lowerCamel (or
 * declared) field names, 64-bit integers as strings, absent fields left out. Reading refuses
 * unknown fields and values of the wrong JSON type.
 */
public final class ProtoJson {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ProtoJson() {
    }

    /** The message as GCE JSON; compute.proto's own messages through the fast {@link WireJsonPrinter}. */
    public static String print(Message message) {
        return WireJsonPrinter.handles(message.getDescriptorForType()) ? WireJsonPrinter.print(message)
                : reference(message);
    }

    /** The same JSON through protobuf's own printer: the reference the fast one is tested against. */
    static String reference(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getName(), e);
        }
    }

    /** A message of one of Google's well-known types, from its encoding. */
    static String printWellKnown(com.google.protobuf.Descriptors.Descriptor type, byte[] encoded) {
        try {
            return reference(com.google.protobuf.DynamicMessage.parseFrom(type, encoded));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot read back " + type.getName(), e);
        }
    }

    /** Merges a request body into {@code into}; a client mistake becomes a 400 naming it. */
    public static void merge(String json, Message.Builder into) {
        try {
            PARSER.merge(json, into);
        } catch (InvalidProtocolBufferException e) {
            throw new GceException(GceError.PARSE_ERROR, "Invalid JSON payload received. " + clean(e.getMessage()));
        } catch (RuntimeException e) {
            // the parser signals some malformed documents with Gson's runtime exceptions
            throw new GceException(GceError.PARSE_ERROR, "Invalid JSON payload received. " + clean(e.getMessage()));
        }
    }

    /**
     * The parser's message without our implementation in it: no package of the generated types,
     * no Java exception class a wrapped Gson error names, no pointer to Gson's troubleshooting page.
     */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        return message.replace("com.google.cloud.compute.v1.", "").replace("google.cloud.compute.v1.", "")
                // bounded and anchored at a word start: the message quotes the client's input, which
                // may be a long run of word characters
                .replaceAll("\\b(?:[a-z][a-z0-9_]{0,30}\\.){1,8}[A-Z]\\w{0,60}(?:Exception|Error):\\s*", "")
                .replaceAll("\\s*See https://github\\.com/google/gson/\\S*", "");
    }
}
