package io.skyport.core.securitygroup;

import java.time.Instant;

public record SecurityGroup(long id, String uuid, String name, String description, long accountId, long domainId,
                            Instant created) {
}
