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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OpenSSH public key encoding, parsing and MD5 fingerprints (the form CloudStack shows). */
public final class SshKeys {
    /** Key type to the number of length-prefixed fields its blob holds, the type name included. */
    private static final Map<String, Integer> FIELDS = Map.of("ssh-rsa", 3, "ssh-ed25519", 2, "ssh-dss", 5,
            "ecdsa-sha2-nistp256", 3, "ecdsa-sha2-nistp384", 3, "ecdsa-sha2-nistp521", 3);

    private SshKeys() {
    }

    /**
     * A freshly generated RSA key pair: OpenSSH public key and PEM private key, with the SHA-1 of
     * the private key's PKCS#8 DER form in colon hex (the fingerprint EC2 gives keys it creates).
     */
    public record Generated(String publicKey, String privateKeyPem, String privateKeySha1) {
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
            // CloudStack hands out the traditional PKCS#1 form, which every ssh client reads
            String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs1(kp.getPrivate().getEncoded())) + "\n-----END RSA PRIVATE KEY-----\n";
            byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(kp.getPrivate().getEncoded());
            return new Generated(publicKey, pem, java.util.HexFormat.ofDelimiter(":").formatHex(sha1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /**
     * The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version,
     * SEQUENCE algorithm, OCTET STRING privateKey }, the last holding the PKCS#1 structure.
     */
    static byte[] pkcs1(byte[] pkcs8) {
        ByteBuffer der = ByteBuffer.wrap(pkcs8);
        expectTag(der, 0x30);
        derLength(der);
        expectTag(der, 0x02);
        skip(der);
        expectTag(der, 0x30);
        skip(der);
        expectTag(der, 0x04);
        byte[] out = new byte[derLength(der)];
        der.get(out);
        return out;
    }

    private static void expectTag(ByteBuffer der, int tag) {
        int actual = der.get() & 0xff;
        if (actual != tag) {
            throw new IllegalStateException("unexpected DER tag " + actual + " in a PKCS#8 key, wanted " + tag);
        }
    }

    /** Skips a DER value whose tag was just read (the length must be read before the position is taken). */
    private static void skip(ByteBuffer der) {
        int len = derLength(der);
        der.position(der.position() + len);
    }

    private static int derLength(ByteBuffer der) {
        int first = der.get() & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der.get() & 0xff);
        }
        return len;
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    /**
     * The key's blob if {@code publicKey} is an OpenSSH public key line ("type base64 [comment]")
     * whose blob is well formed for that type; otherwise IllegalArgumentException. Checking the
     * structure, not only the type prefix, keeps truncated or pasted-together keys out.
     */
    public static byte[] blob(String publicKey) {
        String[] parts = publicKey == null ? new String[0] : publicKey.trim().split("\\s+");
        if (parts.length < 2 || !FIELDS.containsKey(parts[0])) {
            throw new IllegalArgumentException("not an OpenSSH public key (ssh-rsa, ssh-ed25519, ecdsa-sha2-*)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key's data is not base64");
        }
        List<byte[]> fields = fields(blob);
        if (fields.size() != FIELDS.get(parts[0])) {
            throw new IllegalArgumentException("the key's data is malformed for " + parts[0]);
        }
        if (!parts[0].equals(new String(fields.get(0), StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the key's data does not match its type " + parts[0]);
        }
        if ("ssh-ed25519".equals(parts[0]) && fields.get(1).length != 32) {
            throw new IllegalArgumentException("an ssh-ed25519 key is 32 bytes");
        }
        if (parts[0].startsWith("ecdsa-sha2-")
                && !parts[0].endsWith(new String(fields.get(1), StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the key's curve does not match its type " + parts[0]);
        }
        return blob;
    }

    /** The length-prefixed fields of an SSH wire-format blob, which must be consumed exactly. */
    private static List<byte[]> fields(byte[] blob) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(blob);
        while (b.hasRemaining()) {
            if (b.remaining() < 4) {
                throw new IllegalArgumentException("the key's data is truncated");
            }
            int n = b.getInt();
            if (n <= 0 || n > b.remaining()) {
                throw new IllegalArgumentException("the key's data is malformed");
            }
            byte[] field = new byte[n];
            b.get(field);
            out.add(field);
        }
        return out;
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
