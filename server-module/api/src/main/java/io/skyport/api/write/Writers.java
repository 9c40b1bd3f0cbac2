package io.skyport.api.write;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** Renders {@code {"<name>": tree}} as CloudStack's JSON or XML. */
public final class Writers {
    public static final String JSON_TYPE = "application/json;charset=utf-8";
    public static final String XML_TYPE = "text/xml;charset=utf-8";
    /** The API version we are compatible with, announced where CloudStack announces its own. */
    public static final String COMPAT_VERSION = "4.20.2.0";

    private Writers() {
    }

    public static String json(String name, JsonObject body) {
        JsonObject o = new JsonObject();
        o.add(name, body);
        return ResponseTree.gson().toJson(o);
    }

    public static String xml(String name, JsonObject body) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><").append(name)
                .append(" cloud-stack-version=\"").append(COMPAT_VERSION).append("\">");
        members(sb, body);
        sb.append("</").append(name).append('>');
        return sb.toString();
    }

    private static void members(StringBuilder sb, JsonObject o) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            element(sb, e.getKey(), e.getValue());
        }
    }

    private static void element(StringBuilder sb, String name, JsonElement v) {
        if (v.isJsonNull()) {
            return;
        }
        if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            for (JsonElement item : a) {
                element(sb, name, item);
            }
            return;
        }
        sb.append('<').append(name).append('>');
        if (v.isJsonObject()) {
            members(sb, v.getAsJsonObject());
        } else {
            escape(sb, v.getAsString());
        }
        sb.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
