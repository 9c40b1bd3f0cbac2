package io.skyport.ec2.metadata;

import java.time.Instant;
import java.util.List;

/**
 * What IMDS tells one instance about itself, as the EC2 API shows the same VM: ids, type,
 * placement, its addresses, key pairs and groups, and its user data (raw bytes, null when none).
 */
public record ImdsFacts(String accountId, String instanceId, String imageId, String instanceType, String region,
                        String availabilityZone, String privateIp, String publicIp, String hostname, String mac,
                        String vpcId, String subnetId, List<Key> keys, List<Group> groups, Instant pendingTime,
                        byte[] userData) {

    /** A key pair the instance was launched with. */
    public record Key(String name, String publicKey) {
    }

    /** A security group of the instance. */
    public record Group(String id, String name) {
    }
}
