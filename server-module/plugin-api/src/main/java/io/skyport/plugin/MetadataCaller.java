package io.skyport.plugin;

/**
 * The instance a metadata request comes from, as the listener resolved it from the source
 * address: the VM's internal id and uuid, its owner, and the guest address it called from.
 */
public record MetadataCaller(long vmId, String vmUuid, long accountId, String address) {
}
