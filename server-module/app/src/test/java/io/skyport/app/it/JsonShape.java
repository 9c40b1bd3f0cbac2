package io.skyport.app.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the shape of two JSON documents: the same keys at every object level (both ways),
 * the same JSON types, arrays compared element by element against the reference's first
 * element. Values and ids may differ.
 */
public final class JsonShape {
    private JsonShape() {
    }

    /** A captured reference response from src/test/resources/reference/cloudstack-4.20. */
    public static JsonObject capture(String file) {
        String path = "/reference/cloudstack-4.20/" + file;
        try (InputStream in = JsonShape.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Differences between {@code reference} and {@code actual}, ignoring {@code ignored} key paths. */
    public static List<String> differences(JsonElement reference, JsonElement actual, Set<String> ignored) {
        List<String> out = new ArrayList<>();
        compare("$", reference, actual, ignored, out);
        return out;
    }

    private static void compare(String path, JsonElement ref, JsonElement act, Set<String> ignored, List<String> out) {
        if (ignored.contains(path)) {
            return;
        }
        String rt = type(ref);
        String at = type(act);
        if (!rt.equals(at)) {
            out.add(path + ": reference is " + rt + ", actual is " + at);
            return;
        }
        if (ref.isJsonObject()) {
            JsonObject r = ref.getAsJsonObject();
            JsonObject a = act.getAsJsonObject();
            Set<String> keys = new TreeSet<>(r.keySet());
            keys.addAll(a.keySet());
            for (String k : keys) {
                String p = path + "." + k;
                if (ignored.contains(p)) {
                    continue;
                }
                if (!r.has(k)) {
                    out.add(p + ": not in the reference");
                } else if (!a.has(k)) {
                    out.add(p + ": missing");
                } else {
                    compare(p, r.get(k), a.get(k), ignored, out);
                }
            }
        } else if (ref.isJsonArray()) {
            JsonArray r = ref.getAsJsonArray();
            JsonArray a = act.getAsJsonArray();
            if (r.size() > 0) {
                for (int i = 0; i < a.size(); i++) {
                    compare(path + "[]", r.get(0), a.get(i), ignored, out);
                }
            }
        }
    }

    private static String type(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonArray()) {
            return "array";
        }
        var p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "boolean" : p.isNumber() ? "number" : "string";
    }
}
