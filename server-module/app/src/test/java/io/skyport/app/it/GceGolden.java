package io.skyport.app.it;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden GCE fixtures: {@code fixtures/gce/<method id>[.<case>].json}, each an object with
 * {@code request} ({@code method}, {@code path} relative to {@code /compute/v1/projects/<project>/},
 * optional {@code query} and {@code body}), the expected HTTP {@code status} and the expected
 * {@code response} body.
 *
 * <p>Strings may hold placeholders: {@code {timestamp}}, {@code {any}}, {@code {operationStatus}}
 * and {@code {progress}} match any value of their shape anew at every occurrence; any other
 * {@code {name}} matches its shape (by its name, see {@link #shape}) and is bound to the first
 * value seen, so a later occurrence (in a response or a later request) must be, or is given, the
 * same value. A placeholder in a string matches strings only, except the numeric ones
 * ({@code {progress}}), which stand for a JSON number. Object keys may be compared in any order;
 * a key ending in {@code ?} may be absent; arrays are compared item by item in order.
 */
final class GceGolden {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+[0-9]*)\\}");
    private static final Map<String, String> SHAPES = new LinkedHashMap<>();
    private static final Set<String> UNBOUND = Set.of("timestamp", "any", "operationStatus", "progress",
            "fingerprint", "anyId", "anyOperation");
    private static final Set<String> NUMERIC = Set.of("progress");

    static {
        SHAPES.put("timestamp", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([+-]\\d{2}:\\d{2}|Z)");
        SHAPES.put("any", "(?s).*");
        SHAPES.put("operationStatus", "PENDING|RUNNING|DONE");
        SHAPES.put("progress", "0|100");
        SHAPES.put("base", "https?://[^/\\s]+");
        SHAPES.put("project", "[a-z][-a-z0-9]{4,28}[a-z0-9]");
        SHAPES.put("zone", "[a-z][-a-z0-9]*");
        SHAPES.put("region", "[a-z][-a-z0-9]*");
        SHAPES.put("rootDisk", "root-\\d+");
    }

    private GceGolden() {
    }

    /**
     * The shape of a placeholder's value, by its name without trailing digits: a listed name, else
     * by its ending ({@code …Id}: an unsigned decimal, as GCE's uint64 ids are written;
     * {@code …Operation}: a server-made operation name; {@code …Fingerprint}: base64; {@code …Ip}: an
     * IPv4 address; {@code …Uuid}: a UUID), else anything non-empty. {@code {fingerprint}},
     * {@code {anyId}} and {@code {anyOperation}} are volatile values that no later step refers to.
     */
    static Pattern shape(String name) {
        String stem = name.replaceAll("[0-9]+$", "");
        String s = SHAPES.get(stem);
        if (s == null) {
            s = stem.endsWith("Id") ? "\\d{1,20}" : stem.endsWith("Operation") ? "operation-[-0-9a-z]+"
                    : stem.endsWith("ingerprint") ? "[A-Za-z0-9+/_=-]+" : stem.endsWith("Ip") ? "\\d{1,3}(\\.\\d{1,3}){3}"
                    : stem.endsWith("Uuid") ? "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}" : "(?s).+";
        }
        return Pattern.compile(s);
    }

    static boolean unbound(String name) {
        return UNBOUND.contains(name.replaceAll("[0-9]+$", ""));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = GceGolden.class.getClassLoader().getResourceAsStream("fixtures/gce/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonObject fixture(String name) throws IOException {
        return JsonParser.parseString(resource(name + ".json")).getAsJsonObject();
    }

    static String pretty(JsonElement e) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e) + "\n";
    }

    /** The placeholders of every string in a request part replaced by their bound values. */
    static JsonElement substitute(JsonElement e, Map<String, String> bound) {
        if (e == null || e.isJsonNull()) {
            return e;
        }
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(x -> out.add(substitute(x.getKey(), bound),
                    substitute(x.getValue(), bound)));
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(substitute(x, bound)));
            return out;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? new JsonPrimitive(substitute(p.getAsString(), bound)) : p;
    }

    static String substitute(String value, Map<String, String> bound) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = bound.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("placeholder {" + m.group(1) + "} is not bound yet");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Every difference between an expected body and the actual one; binds new placeholders. */
    static List<String> compare(JsonElement expected, JsonElement actual, Map<String, String> bound) {
        List<String> diffs = new ArrayList<>();
        compare(expected, actual, "$", bound, diffs);
        return diffs;
    }

    private static void compare(JsonElement exp, JsonElement act, String path, Map<String, String> bound,
                                List<String> diffs) {
        if (exp.isJsonObject()) {
            if (!act.isJsonObject()) {
                diffs.add(path + ": " + kind(act) + " " + act + ", expected an object");
                return;
            }
            JsonObject a = act.getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : exp.getAsJsonObject().entrySet()) {
                boolean optional = e.getKey().endsWith("?");
                String key = optional ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
                if (!a.has(key)) {
                    if (!optional) {
                        diffs.add(path + ": missing " + key);
                    }
                    continue;
                }
                compare(e.getValue(), a.get(key), path + "." + key, bound, diffs);
            }
            for (String key : a.keySet()) {
                if (!exp.getAsJsonObject().has(key) && !exp.getAsJsonObject().has(key + "?")) {
                    diffs.add(path + ": unexpected " + key + " = " + a.get(key));
                }
            }
        } else if (exp.isJsonArray()) {
            if (!act.isJsonArray()) {
                diffs.add(path + ": " + kind(act) + " " + act + ", expected an array");
                return;
            }
            JsonArray e = exp.getAsJsonArray();
            JsonArray a = act.getAsJsonArray();
            if (e.size() != a.size()) {
                diffs.add(path + ": " + a.size() + " items, expected " + e.size());
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                compare(e.get(i), a.get(i), path + "[" + i + "]", bound, diffs);
            }
        } else if (exp.isJsonNull()) {
            if (!act.isJsonNull()) {
                diffs.add(path + ": " + act + ", expected null");
            }
        } else {
            primitive(exp.getAsJsonPrimitive(), act, path, bound, diffs);
        }
    }

    private static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonArray()) {
            return "array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "string" : p.isNumber() ? "number" : "boolean";
    }

    private static void primitive(JsonPrimitive exp, JsonElement act, String path, Map<String, String> bound,
                                  List<String> diffs) {
        if (exp.isString() && PLACEHOLDER.matcher(exp.getAsString()).find()) {
            Matcher whole = PLACEHOLDER.matcher(exp.getAsString());
            boolean numeric = whole.matches() && NUMERIC.contains(whole.group(1));
            boolean ok = act.isJsonPrimitive() && (numeric ? act.getAsJsonPrimitive().isNumber()
                    : act.getAsJsonPrimitive().isString());
            if (!ok) {
                diffs.add(path + ": " + kind(act) + " " + act + ", expected a " + (numeric ? "number" : "string")
                        + " like " + exp);
                return;
            }
            template(exp.getAsString(), act.getAsString(), path, bound, diffs);
            return;
        }
        if (!act.isJsonPrimitive() || !exp.equals(act) || !kind(exp).equals(kind(act))) {
            diffs.add(path + ": " + act + ", expected " + exp);
        }
    }

    /** Matches a string against a template of literal text and placeholders, binding new ones. */
    static void template(String expected, String actual, String path, Map<String, String> bound, List<String> diffs) {
        Matcher m = PLACEHOLDER.matcher(expected);
        StringBuilder regex = new StringBuilder();
        List<String> groups = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start())));
            String name = m.group(1);
            String value = unbound(name) ? null : bound.get(name);
            if (value != null) {
                regex.append(Pattern.quote(value));
            } else {
                regex.append("(").append(shape(name).pattern()).append(")");
                groups.add(name);
            }
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher a = Pattern.compile(regex.toString()).matcher(actual);
        if (!a.matches()) {
            diffs.add(path + ": '" + actual + "', expected '" + expected + "'" + boundIn(expected, bound));
            return;
        }
        int g = 1;
        for (String name : groups) {
            String value = a.group(g);
            g += 1 + Pattern.compile(shape(name).pattern()).matcher("").groupCount();
            if (unbound(name)) {
                continue;
            }
            String before = bound.putIfAbsent(name, value);
            if (before != null && !before.equals(value)) {
                diffs.add(path + ": '" + actual + "', expected {" + name + "} = '" + before + "'");
            }
        }
    }

    private static String boundIn(String expected, Map<String, String> bound) {
        Map<String, String> used = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(expected);
        while (m.find()) {
            if (bound.containsKey(m.group(1)) && !unbound(m.group(1))) {
                used.put(m.group(1), bound.get(m.group(1)));
            }
        }
        return used.isEmpty() ? "" : " with " + used;
    }

    private static final Set<String> TIME_KEYS = Set.of("creationTimestamp", "insertTime", "startTime", "endTime",
            "lastAttachTimestamp", "lastDetachTimestamp", "lastStartTimestamp", "lastStopTimestamp");

    /**
     * For {@code -Dgolden.update=true}: the actual body written as a fixture, keeping each part of the
     * old expected body that still matches it (so reviewed placeholders survive), and elsewhere the
     * actual value with bound values put back as their placeholders and times as {@code {timestamp}}.
     */
    static JsonElement merge(JsonElement old, JsonElement actual, String key, Map<String, String> bound) {
        if (old != null && compare(old, actual, new LinkedHashMap<>(bound)).isEmpty()) {
            return old;
        }
        if (actual.isJsonObject()) {
            JsonObject out = new JsonObject();
            JsonObject o = old != null && old.isJsonObject() ? old.getAsJsonObject() : new JsonObject();
            for (Map.Entry<String, JsonElement> e : actual.getAsJsonObject().entrySet()) {
                String k = o.has(e.getKey() + "?") ? e.getKey() + "?" : e.getKey();
                out.add(k, merge(o.get(k), e.getValue(), e.getKey(), bound));
            }
            return out;
        }
        if (actual.isJsonArray()) {
            JsonArray out = new JsonArray();
            JsonArray o = old != null && old.isJsonArray() ? old.getAsJsonArray() : new JsonArray();
            for (int i = 0; i < actual.getAsJsonArray().size(); i++) {
                out.add(merge(i < o.size() ? o.get(i) : null, actual.getAsJsonArray().get(i), key, bound));
            }
            return out;
        }
        if (actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isString()) {
            String s = actual.getAsString();
            if (TIME_KEYS.contains(key) && shape("timestamp").matcher(s).matches()) {
                return new JsonPrimitive("{timestamp}");
            }
            List<Map.Entry<String, String>> values = new ArrayList<>(bound.entrySet());
            values.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
            for (Map.Entry<String, String> e : values) {
                if (e.getValue().length() >= 3 && s.contains(e.getValue())) {
                    s = s.replace(e.getValue(), "{" + e.getKey() + "}");
                }
            }
            return new JsonPrimitive(s);
        }
        return actual;
    }
}
