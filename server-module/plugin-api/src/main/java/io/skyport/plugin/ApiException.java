package io.skyport.plugin;

/** A client-visible failure: carries a protocol-neutral error code mapped by each API. */
public class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
