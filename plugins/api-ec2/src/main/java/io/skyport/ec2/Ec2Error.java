package io.skyport.ec2;

/**
 * The EC2 error codes this API answers with, and the HTTP status EC2 sends for each. Codes are
 * spelled exactly as EC2 documents them: clients branch on them.
 */
public enum Ec2Error {
    // request and authentication
    INVALID_ACTION("InvalidAction", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    MALFORMED_QUERY_STRING("MalformedQueryString", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
    UNKNOWN_PARAMETER("UnknownParameter", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 401),
    AUTH_FAILURE("AuthFailure", 401),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    REQUEST_EXPIRED("RequestExpired", 400),
    /**
     * EC2 sends this code with 503; we send 429 because it is the client's doing (failed
     * authentications) and no bad request may earn a 5xx. SDKs retry on the code, not the status
     * (botocore lists RequestLimitExceeded among its throttling codes).
     */
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", 429),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    REQUEST_URI_TOO_LONG("RequestURITooLong", 414),
    REQUEST_HEADERS_TOO_LARGE("RequestHeaderSectionTooLarge", 431),
    UNAUTHORIZED_OPERATION("UnauthorizedOperation", 403),
    DRY_RUN_OPERATION("DryRunOperation", 412),
    UNSUPPORTED_OPERATION("UnsupportedOperation", 400),
    INVALID_PAGINATION_TOKEN("InvalidPaginationToken", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch", 400),
    // resources
    INVALID_INSTANCE_ID_NOT_FOUND("InvalidInstanceID.NotFound", 400),
    INVALID_INSTANCE_ID_MALFORMED("InvalidInstanceID.Malformed", 400),
    INVALID_AMI_ID_NOT_FOUND("InvalidAMIID.NotFound", 400),
    INVALID_AMI_ID_MALFORMED("InvalidAMIID.Malformed", 400),
    INVALID_KEY_PAIR_NOT_FOUND("InvalidKeyPair.NotFound", 400),
    INVALID_KEY_PAIR_DUPLICATE("InvalidKeyPair.Duplicate", 400),
    INVALID_KEY_FORMAT("InvalidKey.Format", 400),
    INVALID_GROUP_NOT_FOUND("InvalidGroup.NotFound", 400),
    INVALID_GROUP_ID_MALFORMED("InvalidGroupId.Malformed", 400),
    INVALID_GROUP_DUPLICATE("InvalidGroup.Duplicate", 400),
    INVALID_GROUP_IN_USE("InvalidGroup.InUse", 400),
    INVALID_GROUP_RESERVED("InvalidGroup.Reserved", 400),
    CANNOT_DELETE("CannotDelete", 400),
    DEPENDENCY_VIOLATION("DependencyViolation", 400),
    INVALID_PERMISSION_DUPLICATE("InvalidPermission.Duplicate", 400),
    INVALID_PERMISSION_NOT_FOUND("InvalidPermission.NotFound", 400),
    INVALID_VOLUME_NOT_FOUND("InvalidVolume.NotFound", 400),
    INVALID_VOLUME_ID_MALFORMED("InvalidVolumeID.Malformed", 400),
    VOLUME_IN_USE("VolumeInUse", 400),
    INCORRECT_STATE("IncorrectState", 400),
    INCORRECT_INSTANCE_STATE("IncorrectInstanceState", 400),
    INVALID_ALLOCATION_ID_NOT_FOUND("InvalidAllocationID.NotFound", 400),
    INVALID_ASSOCIATION_ID_NOT_FOUND("InvalidAssociationID.NotFound", 400),
    INVALID_ADDRESS_IN_USE("InvalidIPAddress.InUse", 400),
    RESOURCE_ALREADY_ASSOCIATED("Resource.AlreadyAssociated", 400),
    INVALID_ADDRESS_NOT_FOUND("InvalidAddress.NotFound", 400),
    INVALID_VPC_ID_NOT_FOUND("InvalidVpcID.NotFound", 400),
    INVALID_SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound", 400),
    INVALID_ID("InvalidID", 400),
    INVALID_INSTANCE_TYPE("InvalidInstanceType", 400),
    // limits and capacity
    INSTANCE_LIMIT_EXCEEDED("InstanceLimitExceeded", 400),
    VOLUME_LIMIT_EXCEEDED("VolumeLimitExceeded", 400),
    ADDRESS_LIMIT_EXCEEDED("AddressLimitExceeded", 400),
    RESOURCE_LIMIT_EXCEEDED("ResourceLimitExceeded", 400),
    INSUFFICIENT_INSTANCE_CAPACITY("InsufficientInstanceCapacity", 500),
    // server
    INTERNAL_ERROR("InternalError", 500),
    UNAVAILABLE("Unavailable", 503);

    private final String code;
    private final int status;

    Ec2Error(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The EC2 code of a request the server refused before reading it. */
    public static Ec2Error of(io.skyport.plugin.Refusal refusal) {
        return switch (refusal) {
            case THROTTLED -> REQUEST_LIMIT_EXCEEDED;
            case BODY_TOO_LARGE -> REQUEST_ENTITY_TOO_LARGE;
            case URI_TOO_LONG -> REQUEST_URI_TOO_LONG;
            case HEADERS_TOO_LARGE -> REQUEST_HEADERS_TOO_LARGE;
        };
    }

    /** The EC2 code for a protocol-neutral error raised by a core service. */
    public static Ec2Error of(io.skyport.plugin.ApiError error) {
        return switch (error) {
            case PARAM_ERROR, NOT_FOUND, CONFLICT -> INVALID_PARAMETER_VALUE;
            case UNAUTHORIZED -> AUTH_FAILURE;
            case FORBIDDEN -> UNAUTHORIZED_OPERATION;
            case INVALID_STATE -> INCORRECT_STATE;
            case INSUFFICIENT_CAPACITY -> INSUFFICIENT_INSTANCE_CAPACITY;
            case RESOURCE_LIMIT -> RESOURCE_LIMIT_EXCEEDED;
            case DISABLED -> UNSUPPORTED_OPERATION;
            case INTERNAL -> INTERNAL_ERROR;
        };
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
