package io.skyport.container.lxc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One answer of the LXD REST API: a sync result, an async one (an operation to wait on), or an
 * error. All three come in the same envelope ({@code type}, {@code status_code}, {@code error_code},
 * {@code error}, {@code operation}, {@code metadata}).
 */
record LxdResponse(String type, int errorCode, String error, String operation, JsonElement metadata) {

    /** Reads the envelope of a reply; a body that is not one (a proxy's page, say) is an error naming the status. */
    static LxdResponse parse(int httpStatus, String body, String request) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(body == null ? "" : body);
            if (!e.isJsonObject() || !e.getAsJsonObject().has("type")) {
                throw new JsonParseException("not an LXD response");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new LxdException(httpStatus, "LXD answered " + request + " with HTTP " + httpStatus
                    + " and no LXD response");
        }
        JsonElement metadata = o.has("metadata") ? o.get("metadata") : JsonNull.INSTANCE;
        return new LxdResponse(text(o, "type"), o.has("error_code") ? o.get("error_code").getAsInt() : 0,
                text(o, "error"), text(o, "operation"), metadata);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    boolean isError() {
        return "error".equals(type);
    }

    boolean isAsync() {
        return "async".equals(type);
    }

    /** The error as an exception naming the request and LXD's own message. */
    LxdException failure(String request) {
        return new LxdException(errorCode, "LXD refused " + request + ": " + (error.isEmpty() ? "error " + errorCode
                : error));
    }
}
