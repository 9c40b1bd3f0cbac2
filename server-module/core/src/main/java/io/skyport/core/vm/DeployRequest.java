package io.skyport.core.vm;

import java.util.List;

/**
 * What a caller asks for when deploying, already resolved to internal ids by the API layer.
 *
 * @param userData base64, as clients send it
 */
public record DeployRequest(long ownerAccountId, long zoneId, long serviceOfferingId, long templateId, String name,
                            String displayName, String userData, List<String> keypairs, List<Long> securityGroupIds,
                            List<String> securityGroupNames, Long networkId, boolean start, Long hostId) {
}
