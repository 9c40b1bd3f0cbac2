package io.skyport.gce.discovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The query parameters every Google API method takes (the document's top-level
 * {@code parameters}), with the names and types of Google's current documents. Clients add some
 * of them on their own, {@code alt=json} above all, so they must be declared even where the
 * server ignores them.
 */
final class StandardParameters {

    private StandardParameters() {
    }

    static JsonObject json() {
        JsonObject parameters = new JsonObject();
        parameters.add("$.xgafv", enumerated("Version of the error format, 1 or 2.", "1", "2"));
        parameters.add("access_token", string("OAuth 2.0 access token of the caller."));
        JsonObject alt = enumerated("Format of the response: only JSON is served.", "json");
        alt.addProperty("default", "json");
        parameters.add("alt", alt);
        parameters.add("callback", string("Name of a JSONP callback."));
        parameters.add("fields", string("Selects the fields a partial response includes."));
        parameters.add("key", string("API key identifying the calling project, for callers without an OAuth 2.0 token."));
        parameters.add("oauth_token", string("OAuth 2.0 token of the caller."));
        parameters.add("prettyPrint", prettyPrint());
        parameters.add("quotaUser", string("Any string of up to 40 characters naming the user quota is counted against."));
        parameters.add("uploadType", string("Legacy media upload protocol, such as media or multipart."));
        parameters.add("upload_protocol", string("Media upload protocol, such as raw or multipart."));
        parameters.add("userIp", string("Legacy form of quotaUser."));
        return parameters;
    }

    private static JsonObject prettyPrint() {
        JsonObject p = query("boolean", "Whether the response is indented and broken into lines.");
        // discovery documents write every default as a string
        p.addProperty("default", "true");
        return p;
    }

    private static JsonObject enumerated(String description, String... values) {
        JsonObject p = string(description);
        JsonArray array = new JsonArray();
        for (String v : values) {
            array.add(v);
        }
        p.add("enum", array);
        return p;
    }

    private static JsonObject string(String description) {
        return query("string", description);
    }

    private static JsonObject query(String type, String description) {
        JsonObject p = new JsonObject();
        p.addProperty("type", type);
        p.addProperty("description", description);
        p.addProperty("location", "query");
        return p;
    }
}
