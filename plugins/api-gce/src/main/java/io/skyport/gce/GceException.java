package io.skyport.gce;

/** A GCE error answer: thrown by handlers and services, written by the endpoint. */
public class GceException extends RuntimeException {
    private final GceError error;

    public GceException(GceError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public GceError error() {
        return error;
    }

    public static GceException notFound(String what) {
        return new GceException(GceError.NOT_FOUND, "The resource '" + what + "' was not found");
    }

    public static GceException required(String field) {
        return new GceException(GceError.REQUIRED, "Required field '" + field + "' not specified");
    }

    public static GceException invalid(String field, Object value, String why) {
        return new GceException(GceError.INVALID, "Invalid value for field '" + field + "': '" + value + "'. " + why);
    }

    public static GceException alreadyExists(String what) {
        return new GceException(GceError.ALREADY_EXISTS, "The resource '" + what + "' already exists");
    }
}
