package io.skyport.api;

import io.skyport.plugin.ApiError;
import io.skyport.plugin.Refusal;

/**
 * The native API's error vocabulary: HTTP status = errorcode, plus CloudStack's cserrorcode
 * (the exception class code its clients see).
 */
public enum NativeError {
    UNAUTHORIZED(401, 0, "unable to verify user credentials and/or request signature"),
    PARAM_ERROR(431, 9999, null),
    FORBIDDEN(432, 9999, null),
    INSUFFICIENT_CAPACITY(533, 4250, null),
    RESOURCE_LIMIT(535, 4370, null),
    /** CloudStack's API_LIMIT_EXCEED; the same text whatever the key or address, so it reveals neither. */
    THROTTLED(429, 9999, "There are too many failed authentication attempts from this client or for this key; "
            + "try again later"),
    BODY_TOO_LARGE(413, 9999, "The request body is larger than this server accepts"),
    URI_TOO_LONG(414, 9999, "The request URI is longer than this server accepts"),
    HEADERS_TOO_LARGE(431, 9999, "The request headers are larger than this server accepts"),
    INTERNAL(530, 9999, "Internal error executing command, please contact your system administrator");

    private final int errorCode;
    private final int csErrorCode;
    private final String fixedText;

    NativeError(int errorCode, int csErrorCode, String fixedText) {
        this.errorCode = errorCode;
        this.csErrorCode = csErrorCode;
        this.fixedText = fixedText;
    }

    public int errorCode() {
        return errorCode;
    }

    /** 0 when CloudStack omits cserrorcode (authentication failures). */
    public int csErrorCode() {
        return csErrorCode;
    }

    public String text(String detail) {
        return fixedText != null ? fixedText : detail;
    }

    public static NativeError of(Refusal r) {
        return switch (r) {
            case THROTTLED -> THROTTLED;
            case BODY_TOO_LARGE -> BODY_TOO_LARGE;
            case URI_TOO_LONG -> URI_TOO_LONG;
            case HEADERS_TOO_LARGE -> HEADERS_TOO_LARGE;
        };
    }

    public static NativeError of(ApiError e) {
        return switch (e) {
            case UNAUTHORIZED -> UNAUTHORIZED;
            case FORBIDDEN -> FORBIDDEN;
            case INSUFFICIENT_CAPACITY -> INSUFFICIENT_CAPACITY;
            case RESOURCE_LIMIT -> RESOURCE_LIMIT;
            case INTERNAL -> INTERNAL;
            case PARAM_ERROR, NOT_FOUND, INVALID_STATE, CONFLICT, DISABLED -> PARAM_ERROR;
        };
    }
}
