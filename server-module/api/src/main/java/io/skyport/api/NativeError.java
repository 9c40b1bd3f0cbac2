package io.skyport.api;

import io.skyport.plugin.ApiError;

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
