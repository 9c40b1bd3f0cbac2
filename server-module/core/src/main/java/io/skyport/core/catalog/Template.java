package io.skyport.core.catalog;

import java.time.Instant;

/**
 * An image VMs start from. {@code format} is e.g. QCOW2 for simulated VMs or CONTAINER for a
 * container image named by {@code image}.
 */
public record Template(long id, String uuid, String name, String displayText, long accountId, Long zoneId,
                       long osTypeId, String format, String hypervisor, String url, String image, boolean isPublic,
                       boolean featured, boolean passwordEnabled, long sizeBytes, String state, Instant created) {
}
