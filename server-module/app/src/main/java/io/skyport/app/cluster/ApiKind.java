package io.skyport.app.cluster;

import java.util.Locale;
import java.util.function.Function;

/** The {@code --api} choice and the client it makes. */
public enum ApiKind {
    NATIVE(NativeClusterApi::new), EC2(Ec2ClusterApi::new), GCE(GceClusterApi::new);

    private final Function<Credentials, ClusterApi> factory;

    ApiKind(Function<Credentials, ClusterApi> factory) {
        this.factory = factory;
    }

    ClusterApi connect(Credentials credentials) {
        return factory.apply(credentials);
    }

    static ApiKind parse(String value) {
        for (ApiKind k : values()) {
            if (k.name().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new ClusterException("--api must be native, ec2 or gce, not " + value);
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
