package io.skyport.core.network;

public record Nic(long id, String uuid, long vmId, long networkId, String ipAddress, String macAddress, int deviceId,
                  boolean isDefault) {
}
