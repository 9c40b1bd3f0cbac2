package io.skyport.ec2.action.keypair;

import io.skyport.core.identity.Visibility;
import io.skyport.core.keypair.KeyPairService;
import io.skyport.core.keypair.SshKeyPair;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;

/** Deletes a key pair by name or id; deleting a name that does not exist succeeds, as in EC2. */
@ApiCommand(name = "DeleteKeyPair", api = "ec2", description = "Deletes a key pair.")
public class DeleteKeyPair extends Ec2Action<DeleteKeyPairRequest> {
    private final KeyPairService keys;
    private final SshKeyPairDao dao;
    private final Ec2Ids ids;
    private final KeyPairs keyPairs;

    public DeleteKeyPair(KeyPairService keys, SshKeyPairDao dao, Ec2Ids ids, KeyPairs keyPairs) {
        super(DeleteKeyPairRequest::builder);
        this.keys = keys;
        this.dao = dao;
        this.ids = ids;
        this.keyPairs = keyPairs;
    }

    @Override
    protected SdkPojo run(DeleteKeyPairRequest request, CallContext ctx) {
        Optional<SshKeyPair> kp;
        if (request.keyPairId() != null) {
            String uuid = ids.resolve(Kind.KEY_PAIR, request.keyPairId(), ctx, "KeyPairId");
            kp = dao.list(new Visibility(ctx.domainPath(), ctx.accountId()), null, null, null, 0, Integer.MAX_VALUE)
                    .stream().filter(k -> k.uuid().equals(uuid)).findFirst();
        } else if (request.keyName() != null) {
            kp = dao.findByName(ctx.accountId(), request.keyName());
        } else {
            throw Ec2Exception.missing("KeyName");
        }
        if (kp.isEmpty()) {
            return DeleteKeyPairResponse.builder().returnValue(true).build();
        }
        String keyPairId = keyPairs.id(kp.get());
        keys.delete(ctx, ctx.accountId(), kp.get().name());
        ids.forget(Kind.KEY_PAIR, kp.get().uuid());
        return DeleteKeyPairResponse.builder().returnValue(true).keyPairId(keyPairId).build();
    }
}
