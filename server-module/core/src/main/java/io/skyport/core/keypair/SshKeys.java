package io.skyport.core.keypair;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;

/** OpenSSH public key encoding, parsing and MD5 fingerprints (the form CloudStack shows). */
public final class SshKeys {
    private static final Set<String> TYPES = Set.of("ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private SshKeys() {
    }

    /** A freshly generated RSA key pair: OpenSSH public key and PEM private key. */
    public record Generated(String publicKey, String privateKeyPem) {
    }

    public static Generated generateRsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(blob, pub.getPublicExponent().toByteArray());
            writeString(blob, pub.getModulus().toByteArray());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            return new Generated(publicKey, pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    /**
     * The key's blob if {@code publicKey} is an OpenSSH public key line ("type base64 [comment]")
     * whose blob names the same type; otherwise IllegalArgumentException.
     */
    public static byte[] blob(String publicKey) {
        String[] parts = publicKey == null ? new String[0] : publicKey.trim().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("not an OpenSSH public key (ssh-rsa, ssh-ed25519, ecdsa-sha2-*)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key's data is not base64");
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        if (blob.length < 4) {
            throw new IllegalArgumentException("the key's data is too short");
        }
        int n = b.getInt();
        if (n <= 0 || n > blob.length - 4) {
            throw new IllegalArgumentException("the key's data is malformed");
        }
        byte[] type = new byte[n];
        b.get(type);
        if (!parts[0].equals(new String(type, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the key's data does not match its type " + parts[0]);
        }
        return blob;
    }

    /** MD5 fingerprint of the key blob as colon-separated hex pairs, like {@code ssh-keygen -E md5}. */
    public static String fingerprint(String publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(blob(publicKey));
            StringBuilder sb = new StringBuilder();
            for (byte d : digest) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x", d));
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** Normalised "type base64" (the comment dropped). */
    public static String normalise(String publicKey) {
        String[] parts = publicKey.trim().split("\\s+");
        return parts[0] + " " + parts[1];
    }

}
