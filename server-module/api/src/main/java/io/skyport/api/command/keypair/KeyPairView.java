package io.skyport.api.command.keypair;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.keypair.SshKeyPair;

/** CloudStack's keypair response; the private key only in the answer that created it. */
public record KeyPairView(String id, String name, String fingerprint, String account, String domain, String domainid,
                          boolean hasannotations, String privatekey) {
    static KeyPairView of(SshKeyPair k, Account a, Domain d, String privateKey) {
        return new KeyPairView(k.uuid(), k.name(), k.fingerprint(), a.name(), d.name(), d.uuid(), false, privateKey);
    }
}
