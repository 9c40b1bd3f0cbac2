package io.skyport.api.command.infra;

import io.skyport.core.network.Ipv4;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;

/** Checks of address parameters, so bad input is a parameter error naming the parameter. */
final class Addresses {
    private Addresses() {
    }

    /** The value when it is null or a dotted IPv4 address. */
    static String ipv4(String param, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Ipv4.format(Ipv4.parse(value));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for " + param + ": " + value
                    + " is not an IPv4 address");
        }
    }

    static String cidr(String param, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Ipv4.Cidr.parse(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for " + param + ": " + value
                    + " is not a CIDR (a.b.c.d/n)");
        }
    }
}
