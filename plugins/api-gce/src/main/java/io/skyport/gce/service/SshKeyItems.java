package io.skyport.gce.service;

import io.skyport.core.identity.Visibility;
import io.skyport.core.keypair.KeyPairService;
import io.skyport.core.keypair.SshKeyPair;
import io.skyport.core.keypair.SshKeys;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code ssh-keys} metadata item ({@code user:ssh-ed25519 AAAA… comment}, one per line) as
 * the core's SSH key pairs, which the hypervisor drivers install: each distinct key is
 * registered once per account, named {@code gce-<digest>}, and reused by every instance; a key the
 * account already has (imported through EC2, say) is used under the name it has.
 */
public class SshKeyItems {
    private final KeyPairService keypairs;
    private final SshKeyPairDao dao;

    public SshKeyItems(KeyPairService keypairs, SshKeyPairDao dao) {
        this.keypairs = keypairs;
        this.dao = dao;
    }

    /** Key pair names for the item's keys (registering new ones); none when the item is absent. */
    public List<String> register(GceCall call, String item) {
        List<String> names = new ArrayList<>();
        if (item == null) {
            return names;
        }
        for (String line : item.split("\n")) {
            String key = publicKey(line);
            if (key == null) {
                continue;
            }
            String name = registered(call, key).orElseGet(() -> {
                String fresh = "gce-" + digest(key);
                keypairs.register(call.ctx(), call.accountId(), fresh, key);
                return fresh;
            });
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The name the account already has the key under (registered by any API), if it has it. */
    private java.util.Optional<String> registered(GceCall call, String key) {
        String fingerprint;
        try {
            fingerprint = SshKeys.fingerprint(key);
        } catch (IllegalArgumentException e) {
            throw GceException.invalid("resource.metadata", "ssh-keys", "Not a public key: " + key);
        }
        return dao.list(new Visibility(call.ctx().domainPath(), call.accountId()), null, fingerprint, null, 0, 1)
                .stream().map(SshKeyPair::name).findFirst();
    }

    /** Checks the item's lines before anything is made. */
    public static void check(String item) {
        if (item == null) {
            return;
        }
        for (String line : item.split("\n")) {
            String key = publicKey(line);
            if (key != null && !key.matches("(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?")) {
                throw GceException.invalid("resource.metadata", "ssh-keys", "Each line must be USERNAME:KEY_TYPE KEY "
                        + "[COMMENT]; this one is not: " + line.trim());
            }
        }
    }

    /** The public key of a line: what follows {@code user:}, or the whole line; null for blank lines. */
    static String publicKey(String line) {
        String l = line.trim();
        if (l.isEmpty()) {
            return null;
        }
        int colon = l.indexOf(':');
        int space = l.indexOf(' ');
        return colon > 0 && (space < 0 || colon < space) ? l.substring(colon + 1).trim() : l;
    }

    private static String digest(String key) {
        String[] parts = key.split(" ");
        String material = parts.length > 1 ? parts[0] + " " + parts[1] : key;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(
                    StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
