package io.skyport.ec2.action.keypair;

import io.skyport.core.identity.Visibility;
import io.skyport.core.keypair.SshKeyPair;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.view.Filters;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.KeyType;

@ApiCommand(name = "DescribeKeyPairs", api = "ec2", description = "Describes the caller's key pairs.")
public class DescribeKeyPairs extends Ec2Action<DescribeKeyPairsRequest> {
    private static final Filters<KeyPairInfo> FILTERS = new Filters<KeyPairInfo>()
            .on("key-name", KeyPairInfo::keyName).on("key-pair-id", KeyPairInfo::keyPairId)
            .on("fingerprint", KeyPairInfo::keyFingerprint).on("key-type", KeyPairInfo::keyTypeAsString)
            .tags(KeyPairInfo::tags);
    private final SshKeyPairDao dao;
    private final KeyPairs keyPairs;

    public DescribeKeyPairs(SshKeyPairDao dao, KeyPairs keyPairs) {
        super(DescribeKeyPairsRequest::builder);
        this.dao = dao;
        this.keyPairs = keyPairs;
    }

    @Override
    protected SdkPojo run(DescribeKeyPairsRequest request, CallContext ctx) {
        Predicate<KeyPairInfo> matches = FILTERS.matcher(request.filters());
        boolean withKey = Boolean.TRUE.equals(request.includePublicKey());
        Set<String> seenNames = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        List<KeyPairInfo> out = new ArrayList<>();
        for (SshKeyPair kp : dao.list(new Visibility(ctx.domainPath(), ctx.accountId()), null, null, null, 0,
                Integer.MAX_VALUE)) {
            KeyPairInfo info = KeyPairInfo.builder().keyName(kp.name()).keyPairId(keyPairs.id(kp))
                    .keyFingerprint(kp.fingerprint()).keyType(kp.publicKey().startsWith("ssh-ed25519")
                            ? KeyType.ED25519 : KeyType.RSA)
                    .createTime(kp.created()).publicKey(withKey ? kp.publicKey() : null).tags(List.of()).build();
            if (request.hasKeyNames() && !request.keyNames().contains(kp.name())) {
                continue;
            }
            if (request.hasKeyPairIds() && !request.keyPairIds().contains(info.keyPairId())) {
                continue;
            }
            seenNames.add(kp.name());
            seenIds.add(info.keyPairId());
            if (matches.test(info)) {
                out.add(info);
            }
        }
        for (String name : request.keyNames()) {
            if (!seenNames.contains(name)) {
                throw new Ec2Exception(Ec2Error.INVALID_KEY_PAIR_NOT_FOUND, "The key pair '" + name
                        + "' does not exist");
            }
        }
        for (String id : request.keyPairIds()) {
            if (!seenIds.contains(id)) {
                throw new Ec2Exception(Ec2Error.INVALID_KEY_PAIR_NOT_FOUND, "The key pair ID '" + id
                        + "' does not exist");
            }
        }
        return DescribeKeyPairsResponse.builder().keyPairs(out).build();
    }
}
