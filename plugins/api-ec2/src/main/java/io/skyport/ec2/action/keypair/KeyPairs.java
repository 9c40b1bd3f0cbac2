package io.skyport.ec2.action.keypair;

import io.skyport.core.keypair.SshKeyPair;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Key pair ids and the translation of the core's key pair errors into EC2's. */
@Component
public class KeyPairs {
    private final Ec2Ids ids;

    public KeyPairs(Ec2Ids ids) {
        this.ids = ids;
    }

    public String id(SshKeyPair kp) {
        return ids.of(Kind.KEY_PAIR, kp.uuid(), kp.accountId());
    }

    /** Runs a core key pair change, answering a clash or a malformed key with EC2's codes. */
    static <T> T translated(String name, Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                throw new Ec2Exception(Ec2Error.INVALID_KEY_PAIR_DUPLICATE, "The keypair '" + name + "' already "
                        + "exists. " + e.getMessage());
            }
            if (e.error() == ApiError.PARAM_ERROR && e.getMessage().contains("publickey")) {
                throw new Ec2Exception(Ec2Error.INVALID_KEY_FORMAT, "Key is not in valid OpenSSH public key format");
            }
            throw e;
        }
    }

    static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Exception.missing("KeyName");
        }
        if (name.length() > 255) {
            throw Ec2Exception.invalid("KeyName", name, "Key names have at most 255 characters.");
        }
    }
}
