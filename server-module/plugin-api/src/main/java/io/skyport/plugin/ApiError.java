package io.skyport.plugin;

/**
 * Protocol-neutral error kinds raised by services and operations. Each API maps them to its
 * own codes (CloudStack errorcode, EC2 Code, GCE reason).
 */
public enum ApiError {
    /** Missing or malformed parameter (CloudStack 431). */
    PARAM_ERROR(431),
    /** Unknown resource, including another tenant's: the two must be indistinguishable. */
    NOT_FOUND(431),
    /** Authentication failed: one answer for every cause. */
    UNAUTHORIZED(401),
    /** Authenticated, but the role may not do this. */
    FORBIDDEN(432),
    /** The resource is in a state that forbids the operation. */
    INVALID_STATE(431),
    /** Already exists. */
    CONFLICT(431),
    /** Not enough capacity to place the resource. */
    INSUFFICIENT_CAPACITY(533),
    /** An account resource limit was reached. */
    RESOURCE_LIMIT(535),
    /** The feature is switched off by an administrator. */
    DISABLED(431),
    /** Server-side failure (CloudStack 530). */
    INTERNAL(530);

    private final int nativeCode;

    ApiError(int nativeCode) {
        this.nativeCode = nativeCode;
    }

    /** HTTP status and errorcode of the native API. */
    public int nativeCode() {
        return nativeCode;
    }
}
