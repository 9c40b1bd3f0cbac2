package io.skyport.plugin;

/**
 * Why the server refuses a request before the API itself reads it, with the HTTP status it
 * answers; each API writes its own protocol's error body for it.
 */
public enum Refusal {
    /** The key or source address failed authentication too often and is in its cool-down. */
    THROTTLED(429),
    BODY_TOO_LARGE(413),
    URI_TOO_LONG(414),
    HEADERS_TOO_LARGE(431);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
