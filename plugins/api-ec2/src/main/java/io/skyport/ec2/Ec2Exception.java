package io.skyport.ec2;

/** A failure answered with an EC2 error body. */
public class Ec2Exception extends RuntimeException {
    private final Ec2Error error;

    public Ec2Exception(Ec2Error error, String message) {
        super(message);
        this.error = error;
    }

    public Ec2Error error() {
        return error;
    }

    public static Ec2Exception missing(String param) {
        return new Ec2Exception(Ec2Error.MISSING_PARAMETER, "The request must contain the parameter " + param);
    }

    public static Ec2Exception invalid(String param, Object value, String why) {
        return new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE,
                "Value (" + value + ") for parameter " + param + " is invalid. " + why);
    }
}
