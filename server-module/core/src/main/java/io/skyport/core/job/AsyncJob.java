package io.skyport.core.job;

import java.time.Instant;

/**
 * A persisted async job. Status codes are CloudStack's: 0 pending, 1 succeeded, 2 failed;
 * resultCode 0 on success, 530 on failure.
 */
public record AsyncJob(long id, String uuid, String cmd, long accountId, long userId, String instanceType,
                       String instanceUuid, String syncKey, int status, int procStatus, int resultCode,
                       String result, Long ownerNode, Instant created, Instant lastUpdated, Instant completed) {
    public static final int PENDING = 0;
    public static final int SUCCEEDED = 1;
    public static final int FAILED = 2;

    public boolean done() {
        return status != PENDING;
    }
}
