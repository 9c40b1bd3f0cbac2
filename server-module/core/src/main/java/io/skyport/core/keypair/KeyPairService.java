package io.skyport.core.keypair;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.Visibility;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** SSH key pairs: generated (the private key is returned once and never stored) or registered. */
@Component
public class KeyPairService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}");
    private final SshKeyPairDao keypairs;
    private final IdentityService identity;
    private final EventService events;

    public KeyPairService(SshKeyPairDao keypairs, IdentityService identity, EventService events) {
        this.keypairs = keypairs;
        this.identity = identity;
        this.events = events;
    }

    /** A new key pair and, once, its private key. */
    /** A created key pair with its private key (returned once, never stored) and that key's SHA-1 fingerprint. */
    public record Created(SshKeyPair keyPair, String privateKey, String privateKeySha1) {
    }

    public Created create(CallContext caller, long ownerAccountId, String name) {
        SshKeys.Generated g = SshKeys.generateRsa();
        SshKeyPair kp = store(caller, ownerAccountId, name, g.publicKey(), "CREATE.SSH.KEYPAIR");
        return new Created(kp, g.privateKeyPem(), g.privateKeySha1());
    }

    public SshKeyPair register(CallContext caller, long ownerAccountId, String name, String publicKey) {
        try {
            SshKeys.blob(publicKey);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter publickey: " + e.getMessage());
        }
        return store(caller, ownerAccountId, name, SshKeys.normalise(publicKey), "REGISTER.SSH.KEYPAIR");
    }

    private SshKeyPair store(CallContext caller, long ownerAccountId, String name, String publicKey, String event) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid key pair name " + name);
        }
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        String fingerprint = SshKeys.fingerprint(publicKey);
        // as CloudStack: one account cannot hold the same public key under two names
        if (keypairs.count(new Visibility("ROOT", owner.id()), null, fingerprint, null) > 0) {
            throw new ApiException(ApiError.CONFLICT, "A key pair with the same public key (fingerprint "
                    + fingerprint + ") already exists.");
        }
        try {
            keypairs.insert(UUID.randomUUID().toString(), name, owner.id(), owner.domainId(), publicKey, fingerprint);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ApiError.CONFLICT, "A key pair with name '" + name + "' already exists.");
        }
        SshKeyPair kp = keypairs.findByName(owner.id(), name).orElseThrow();
        events.record(caller, event, "Key pair " + name + " stored", "SSHKeyPair", kp.uuid());
        return kp;
    }

    public void delete(CallContext caller, long ownerAccountId, String name) {
        Account owner = identity.visibleAccount(caller, ownerAccountId);
        SshKeyPair kp = keypairs.findByName(owner.id(), name).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                "A key pair with name '" + name + "' does not exist for account " + owner.name()));
        keypairs.delete(kp.id());
        events.record(caller, "DELETE.SSH.KEYPAIR", "Key pair " + name + " deleted", "SSHKeyPair", kp.uuid());
    }
}
