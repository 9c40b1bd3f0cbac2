package io.skyport.gce;

import io.skyport.plugin.ApiError;

/**
 * The errors the Compute Engine API answers with: HTTP status, the {@code reason} of
 * {@code error.errors[]} and the {@code status} Google's newer error bodies carry.
 */
public enum GceError {
    INVALID(400, "invalid", "INVALID_ARGUMENT"),
    REQUIRED(400, "required", "INVALID_ARGUMENT"),
    INVALID_PARAMETER(400, "invalidParameter", "INVALID_ARGUMENT"),
    PARSE_ERROR(400, "parseError", "INVALID_ARGUMENT"),
    BAD_REQUEST(400, "badRequest", "FAILED_PRECONDITION"),
    RESOURCE_NOT_READY(400, "resourceNotReady", "FAILED_PRECONDITION"),
    RESOURCE_IN_USE(400, "resourceInUseByAnotherResource", "FAILED_PRECONDITION"),
    UNAUTHENTICATED(401, "authError", "UNAUTHENTICATED"),
    FORBIDDEN(403, "forbidden", "PERMISSION_DENIED"),
    ACCESS_NOT_CONFIGURED(403, "accessNotConfigured", "PERMISSION_DENIED"),
    QUOTA_EXCEEDED(403, "quotaExceeded", "RESOURCE_EXHAUSTED"),
    NOT_FOUND(404, "notFound", "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "httpMethodNotAllowed", "INVALID_ARGUMENT"),
    ALREADY_EXISTS(409, "alreadyExists", "ALREADY_EXISTS"),
    CONDITION_NOT_MET(412, "conditionNotMet", "FAILED_PRECONDITION"),
    PAYLOAD_TOO_LARGE(413, "uploadTooLarge", "INVALID_ARGUMENT"),
    URI_TOO_LONG(414, "invalid", "INVALID_ARGUMENT"),
    RATE_LIMIT_EXCEEDED(429, "rateLimitExceeded", "RESOURCE_EXHAUSTED"),
    HEADERS_TOO_LARGE(431, "invalid", "INVALID_ARGUMENT"),
    ZONE_RESOURCE_EXHAUSTED(503, "ZONE_RESOURCE_POOL_EXHAUSTED", "UNAVAILABLE"),
    BACKEND_ERROR(500, "backendError", "INTERNAL");

    private final int status;
    private final String reason;
    private final String grpcStatus;

    GceError(int status, String reason, String grpcStatus) {
        this.status = status;
        this.reason = reason;
        this.grpcStatus = grpcStatus;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String grpcStatus() {
        return grpcStatus;
    }

    /** How a core service's error reads in GCE. */
    public static GceError of(ApiError e) {
        return switch (e) {
            case PARAM_ERROR -> INVALID;
            case NOT_FOUND -> NOT_FOUND;
            case UNAUTHORIZED -> UNAUTHENTICATED;
            case FORBIDDEN -> FORBIDDEN;
            case INVALID_STATE -> RESOURCE_NOT_READY;
            case CONFLICT -> ALREADY_EXISTS;
            case INSUFFICIENT_CAPACITY -> ZONE_RESOURCE_EXHAUSTED;
            case RESOURCE_LIMIT -> QUOTA_EXCEEDED;
            case DISABLED -> ACCESS_NOT_CONFIGURED;
            case INTERNAL -> BACKEND_ERROR;
        };
    }
}
