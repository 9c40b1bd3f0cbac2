package io.skyport.app.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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

    /** A captured reference response (see {@link ReferenceCaptures}). */
    public static JsonObject capture(String file) {
        return ReferenceCaptures.load(file);
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
            compareObject(path, ref.getAsJsonObject(), Set.of(), act.getAsJsonObject(), ignored, out);
        } else if (ref.isJsonArray()) {
            compareArray(path, ref.getAsJsonArray(), act.getAsJsonArray(), ignored, out);
        }
    }

    /** Both ways: every reference key must be present unless {@code optional}, and no key may be extra. */
    private static void compareObject(String path, JsonObject r, Set<String> optional, JsonObject a,
                                      Set<String> ignored, List<String> out) {
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
                if (!optional.contains(k)) {
                    out.add(p + ": missing");
                }
            } else {
                compare(p, r.get(k), a.get(k), ignored, out);
            }
        }
    }

    /**
     * Every actual element is compared with the reference's first element. Where the reference
     * holds several objects whose key sets differ (listApis params: only some carry
     * {@code since} or {@code related}), a key that only some of them carry is optional, and its
     * shape is taken from the first element that has it; with one element this is exactly a
     * comparison with the first element.
     */
    private static void compareArray(String path, JsonArray r, JsonArray a, Set<String> ignored, List<String> out) {
        if (r.isEmpty()) {
            return;
        }
        String p = path + "[]";
        if (!r.get(0).isJsonObject()) {
            for (JsonElement e : a) {
                compare(p, r.get(0), e, ignored, out);
            }
            return;
        }
        JsonObject merged = new JsonObject();
        Set<String> optional = new TreeSet<>();
        for (JsonElement e : r) {
            if (!e.isJsonObject()) {
                continue;
            }
            for (String k : e.getAsJsonObject().keySet()) {
                if (!merged.has(k)) {
                    merged.add(k, e.getAsJsonObject().get(k));
                }
            }
        }
        for (JsonElement e : r) {
            if (e.isJsonObject()) {
                for (String k : merged.keySet()) {
                    if (!e.getAsJsonObject().has(k)) {
                        optional.add(k);
                    }
                }
            }
        }
        for (JsonElement e : a) {
            if (ignored.contains(p)) {
                return;
            }
            if (!e.isJsonObject()) {
                out.add(p + ": reference is object, actual is " + type(e));
            } else {
                compareObject(p, merged, optional, e.getAsJsonObject(), ignored, out);
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
