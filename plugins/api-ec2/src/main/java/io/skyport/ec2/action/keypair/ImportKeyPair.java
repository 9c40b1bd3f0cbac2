package io.skyport.ec2.action.keypair;

import io.skyport.core.keypair.KeyPairService;
import io.skyport.core.keypair.SshKeyPair;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;

/** Stores an OpenSSH public key (RSA, ECDSA or Ed25519) under a name. */
@ApiCommand(name = "ImportKeyPair", api = "ec2", description = "Imports an OpenSSH public key.")
public class ImportKeyPair extends Ec2Action<ImportKeyPairRequest> {
    private final KeyPairService keys;
    private final KeyPairs keyPairs;

    public ImportKeyPair(KeyPairService keys, KeyPairs keyPairs) {
        super(ImportKeyPairRequest::builder);
        this.keys = keys;
        this.keyPairs = keyPairs;
    }

    @Override
    protected SdkPojo run(ImportKeyPairRequest request, CallContext ctx) {
        KeyPairs.requireName(request.keyName());
        if (request.publicKeyMaterial() == null) {
            throw Ec2Exception.missing("PublicKeyMaterial");
        }
        String publicKey = new String(request.publicKeyMaterial().asByteArray(), StandardCharsets.UTF_8).trim();
        SshKeyPair kp = KeyPairs.translated(request.keyName(),
                () -> keys.register(ctx, ctx.accountId(), request.keyName(), publicKey));
        return ImportKeyPairResponse.builder().keyName(kp.name()).keyFingerprint(kp.fingerprint())
                .keyPairId(keyPairs.id(kp)).build();
    }
}
