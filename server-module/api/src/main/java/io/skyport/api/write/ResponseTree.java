package io.skyport.api.write;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.plugin.response.EntityResponse;
import io.skyport.plugin.response.ListResponse;
import io.skyport.plugin.response.RawResponse;
import io.skyport.plugin.response.SuccessResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an operation's response object into the JSON tree of CloudStack's response body
 * (the part inside {@code <command>response}). Both writers (JSON and XML) render this tree,
 * so the two formats cannot drift apart.
 */
public final class ResponseTree {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ResponseTree() {
    }

    public static Gson gson() {
        return GSON;
    }

    /** How each response kind of the plugin contract becomes a tree; other objects go through Gson. */
    private static final Map<Class<?>, Function<Object, JsonObject>> RENDERERS = Map.of(
            ListResponse.class, r -> list((ListResponse<?>) r),
            EntityResponse.class, r -> wrap(((EntityResponse) r).entity(), GSON.toJsonTree(((EntityResponse) r).value())),
            SuccessResponse.class, r -> success((SuccessResponse) r),
            RawResponse.class, r -> raw(((RawResponse) r).fields()),
            JsonObject.class, r -> (JsonObject) r);

    public static JsonObject body(Object result) {
        if (result == null) {
            return new JsonObject();
        }
        Function<Object, JsonObject> renderer = RENDERERS.get(result.getClass());
        return renderer != null ? renderer.apply(result) : GSON.toJsonTree(result).getAsJsonObject();
    }

    private static JsonObject list(ListResponse<?> list) {
        JsonObject o = new JsonObject();
        if (list.items().isEmpty()) {
            return o;
        }
        o.addProperty("count", list.count());
        JsonArray items = new JsonArray();
        for (Object item : list.items()) {
            items.add(GSON.toJsonTree(item));
        }
        o.add(list.entity(), items);
        return o;
    }

    private static JsonObject wrap(String name, JsonElement value) {
        JsonObject o = new JsonObject();
        o.add(name, value);
        return o;
    }

    private static JsonObject success(SuccessResponse s) {
        JsonObject o = new JsonObject();
        o.addProperty("success", s.success());
        if (s.displaytext() != null) {
            o.addProperty("displaytext", s.displaytext());
        }
        return o;
    }

    private static JsonObject raw(Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        fields.forEach((k, v) -> {
            if (v != null) {
                o.add(k, GSON.toJsonTree(v));
            }
        });
        return o;
    }

    /** The job-result JSON stored with a finished job (a response tree as text). */
    public static String encode(Object result) {
        return body(result).toString();
    }

    public static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}
