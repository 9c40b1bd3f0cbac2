package io.skyport.ec2.service;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.ec2.Ec2Exception;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Service offerings as EC2 instance types. The type name is the offering's name when it is a
 * single word, else the name in lower case with spaces as hyphens ("Small Instance" is
 * {@code small-instance}), so it can be typed on a command line; both forms are accepted.
 */
@Component
public class InstanceTypes {
    private final ServiceOfferingDao offerings;

    public InstanceTypes(ServiceOfferingDao offerings) {
        this.offerings = offerings;
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9.]+");
    private static final Pattern EDGE_DASH = Pattern.compile("(^-|-$)");

    public static String typeName(ServiceOffering o) {
        String name = o.name().trim();
        if (!WHITESPACE.matcher(name).find()) {
            return name;
        }
        String slug = NOT_NAME.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGE_DASH.matcher(slug).replaceAll("");
    }

    public List<ServiceOffering> all() {
        return offerings.list(null, null, null);
    }

    public Optional<ServiceOffering> find(String type) {
        if (type == null) {
            return Optional.empty();
        }
        return all().stream().filter(o -> type.equals(typeName(o)) || type.equals(o.name())).findFirst();
    }

    public ServiceOffering resolve(String type, String param) {
        return find(type).orElseThrow(() -> Ec2Exception.invalid(param, type, "The instance type '" + type
                + "' does not exist. Use DescribeInstanceTypes to list the instance types offered."));
    }
}
