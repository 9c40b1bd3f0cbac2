package io.skyport.gce.metadata;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.skyport.plugin.MetadataNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GCE metadata server's tree under {@code /computeMetadata/v1/} and the ways it answers:
 * a value as text or ({@code alt=json}) as JSON; a directory as its entry list (sub-directories
 * with a trailing slash) or, with {@code recursive=true}, as one JSON object whose keys are
 * camelCased ({@code network-interfaces} is {@code networkInterfaces}) except the user's own
 * attribute keys, and whose numbered directories are arrays.
 */
public final class MetadataTree {
    private MetadataTree() {
    }

    /** A node of the tree. */
    public interface Node extends MetadataNode<Node> {
        JsonElement json();

        /** {@code path value} lines, for {@code recursive=true&alt=text}. */
        void textLines(String prefix, List<String> out);

        String listedAs(String name);

        /** The answer to a plain GET of this node, by output format. */
        String render(boolean recursive, boolean json);

        /** Directories are named with a trailing slash. */
        default boolean directory() {
            return false;
        }
    }

    /** A value: a string, a number, or a list (network tags) shown as JSON even in text. */
    public record Value(JsonElement value) implements Node {
        public static Value of(String s) {
            return new Value(new JsonPrimitive(s == null ? "" : s));
        }

        public static Value of(long n) {
            return new Value(new JsonPrimitive(n));
        }

        public static Value list(List<String> items) {
            JsonArray a = new JsonArray();
            items.forEach(a::add);
            return new Value(a);
        }

        String text() {
            return value.isJsonPrimitive() ? value.getAsString() : value.toString();
        }

        @Override
        public JsonElement json() {
            return value;
        }

        @Override
        public void textLines(String prefix, List<String> out) {
            out.add(prefix + " " + text());
        }

        @Override
        public String listedAs(String name) {
            return name;
        }

        @Override
        public Node child(String name) {
            return null;
        }

        @Override
        public String render(boolean recursive, boolean json) {
            return json ? value.toString() : text();
        }
    }

    /**
     * A directory. {@code literalKeys}: its entry names are the user's (attributes) and stay as
     * they are in JSON; {@code array}: its entries are numbered and it is a JSON array.
     */
    public record Dir(Map<String, Node> entries, boolean literalKeys, boolean array) implements Node {
        public static Dir of(Map<String, Node> entries) {
            return new Dir(entries, false, false);
        }

        public static Dir attributes(Map<String, String> items) {
            Map<String, Node> m = new LinkedHashMap<>();
            items.forEach((k, v) -> m.put(k, Value.of(v)));
            return new Dir(m, true, false);
        }

        public static Dir numbered(List<Node> items) {
            Map<String, Node> m = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                m.put(Integer.toString(i), items.get(i));
            }
            return new Dir(m, false, true);
        }

        @Override
        public JsonElement json() {
            if (array) {
                JsonArray a = new JsonArray();
                entries.values().forEach(n -> a.add(n.json()));
                return a;
            }
            JsonObject o = new JsonObject();
            entries.forEach((k, n) -> o.add(literalKeys ? k : camel(k), n.json()));
            return o;
        }

        @Override
        public void textLines(String prefix, List<String> out) {
            entries.forEach((k, n) -> n.textLines(prefix.isEmpty() ? k : prefix + "/" + k, out));
        }

        @Override
        public String listedAs(String name) {
            return name + "/";
        }

        @Override
        public boolean directory() {
            return true;
        }

        @Override
        public Node child(String name) {
            return entries.get(name);
        }

        @Override
        public String render(boolean recursive, boolean json) {
            if (recursive) {
                if (json) {
                    return json().toString();
                }
                List<String> lines = new ArrayList<>();
                textLines("", lines);
                return String.join("\n", lines);
            }
            List<String> lines = new ArrayList<>();
            entries.forEach((k, n) -> lines.add(n.listedAs(k)));
            if (json) {
                JsonArray a = new JsonArray();
                lines.forEach(a::add);
                return a.toString();
            }
            return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        }
    }

    /** {@code network-interfaces} → {@code networkInterfaces}. */
    static String camel(String key) {
        StringBuilder b = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** The node at a path below {@code v1/} ({@code ""} is the root). */
    public static Optional<Node> find(Node root, String path) {
        return MetadataNode.find(root, path);
    }

    /** The ETag of an answer: a digest of its content, so it changes exactly when the content does. */
    public static String etag(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
