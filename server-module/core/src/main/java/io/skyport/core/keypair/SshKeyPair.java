package io.skyport.core.keypair;

import java.time.Instant;

public record SshKeyPair(long id, String uuid, String name, long accountId, long domainId, String publicKey,
                         String fingerprint, Instant created) {
}
