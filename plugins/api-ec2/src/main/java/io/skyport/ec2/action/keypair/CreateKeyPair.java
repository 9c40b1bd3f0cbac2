package io.skyport.ec2.action.keypair;

import io.skyport.core.keypair.KeyPairService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;

/**
 * Generates an RSA key pair; the private key is returned once and never stored. Its fingerprint
 * here is EC2's for created keys (SHA-1 of the PKCS#8 private key); listings show the MD5 of the
 * public key, as for imported keys, since the private key is not kept to compute the other.
 */
@ApiCommand(name = "CreateKeyPair", api = "ec2", description = "Creates an RSA key pair.")
public class CreateKeyPair extends Ec2Action<CreateKeyPairRequest> {
    private final KeyPairService keys;
    private final KeyPairs keyPairs;

    public CreateKeyPair(KeyPairService keys, KeyPairs keyPairs) {
        super(CreateKeyPairRequest::builder);
        this.keys = keys;
        this.keyPairs = keyPairs;
    }

    @Override
    protected SdkPojo run(CreateKeyPairRequest request, CallContext ctx) {
        KeyPairs.requireName(request.keyName());
        if (request.keyType() != null && !"rsa".equals(request.keyTypeAsString())) {
            throw Ec2Exception.invalid("KeyType", request.keyTypeAsString(), "Only rsa keys are generated here; "
                    + "import other key types with ImportKeyPair.");
        }
        if (request.keyFormat() != null && !"pem".equals(request.keyFormatAsString())) {
            throw Ec2Exception.invalid("KeyFormat", request.keyFormatAsString(), "Only pem is supported.");
        }
        KeyPairService.Created created = KeyPairs.translated(request.keyName(),
                () -> keys.create(ctx, ctx.accountId(), request.keyName()));
        return CreateKeyPairResponse.builder().keyName(created.keyPair().name())
                .keyFingerprint(created.privateKeySha1()).keyMaterial(created.privateKey())
                .keyPairId(keyPairs.id(created.keyPair())).build();
    }
}
