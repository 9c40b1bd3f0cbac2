package io.skyport.plugin.response;

/** {@code {"success": true}} (with an optional display text), for deletes and toggles. */
public record SuccessResponse(boolean success, String displaytext) {
    public static SuccessResponse ok() {
        return new SuccessResponse(true, null);
    }
}
