package io.skyport.core.tag;

public record ResourceTag(long id, String uuid, String resourceType, long resourceId, String resourceUuid, String key,
                          String value, long accountId, long domainId) {
}
