package io.skyport.core.keypair;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.Test;

/**
 * Fingerprints against keys made with OpenSSH: each expected value is what
 * {@code ssh-keygen -l -E md5 -f key.pub} printed for the key (private halves discarded).
 */
public class SshKeysTest {
    private static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLsDea"
            + "AFENOQuYrzBPm7LQf9j3wY/46L5ciP802xnNA8WpIBuRzNFANNwbtk5+6/lCmK26J6oUs0W9ufrC2DYa8= unit";
    private static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCkXbubrAhvUggM/CClp+EIyRbfZS9HQx0BDklbno6z"
            + "PDI91Vcvq/wWSr4Qev5mkrDTNWjo+lRJHMLpgCcVYgt41A4k/D1u4/bZc6Ge87vPzxuJxqOGvZfBiCmqkAkUQHytWd9e5HuCpf/q+Q/2B"
            + "ofVXnMqVfO1J+T8MXy3BXsg8CuxCLSHXtSrpP4b6uMa5WcLejaeMiiQh+YAi3xdiqiChM2z1OsMjQvRAEG4y/Ldcug1JKRvVaYm5FHrlM"
            + "ye3YV5kXAw+LvMF+11Z0w6fOGo+pQPMox8FwQHy+L/LkPFvWYbGKpolKxQWphyyr805Tyi/D7/QkCmh7vxClUyJglt unit";
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFK19acDaKydonL3zx9qL/oOxGqmWP6QJD28"
            + "+r56eQuk skyport-it";

    @Test
    public void fingerprintsMatchOpenSsh() {
        assertEquals("93:01:63:b2:62:50:a1:53:f7:8f:cb:46:9f:56:01:28", SshKeys.fingerprint(ECDSA));
        assertEquals("cc:ec:86:71:b7:14:61:cb:31:71:19:8c:2a:b0:b2:66", SshKeys.fingerprint(RSA));
        assertEquals("42:bc:6d:72:8f:47:5c:9d:18:c3:38:ba:b0:b2:16:5f", SshKeys.fingerprint(ED25519));
        assertEquals("ssh-rsa " + RSA.split(" ")[1], SshKeys.normalise(RSA));
    }

    @Test
    public void malformedKeysAreRefused() {
        String ed = ED25519.split(" ")[1];
        refuse("ssh-ed25519 " + ed.substring(0, ed.length() - 8));
        refuse("ssh-rsa " + ed);
        refuse("ecdsa-sha2-nistp384 " + ECDSA.split(" ")[1]);
        refuse("ssh-ed25519 " + ed + "AAAA");
        refuse("ssh-ed25519 not*base64");
        refuse("ssh-foo " + ed);
        refuse("ssh-ed25519");
        refuse(null);
    }

    private static void refuse(String key) {
        try {
            SshKeys.blob(key);
            fail("accepted " + key);
        } catch (IllegalArgumentException expected) {
            // the message becomes the 431's text
        }
    }

    @Test
    public void generatedKeysArePkcs1WithTheMatchingPublicKey() {
        SshKeys.Generated g = SshKeys.generateRsa();
        assertTrue(g.privateKeyPem(), g.privateKeyPem().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        String body = g.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        ByteBuffer der = ByteBuffer.wrap(Base64.getDecoder().decode(body));
        assertEquals(0x30, der.get() & 0xff);
        skipLength(der);
        BigInteger version = integer(der);
        BigInteger n = integer(der);
        BigInteger e = integer(der);
        assertEquals(BigInteger.ZERO, version);
        assertEquals(2048, n.bitLength());
        ByteBuffer blob = ByteBuffer.wrap(SshKeys.blob(g.publicKey()));
        assertEquals("ssh-rsa", new String(field(blob)));
        assertEquals(e, new BigInteger(field(blob)));
        assertEquals(n, new BigInteger(field(blob)));
    }

    private static byte[] field(ByteBuffer b) {
        byte[] out = new byte[b.getInt()];
        b.get(out);
        return out;
    }

    private static BigInteger integer(ByteBuffer der) {
        assertEquals(0x02, der.get() & 0xff);
        byte[] v = new byte[skipLength(der)];
        der.get(v);
        return new BigInteger(v);
    }

    private static int skipLength(ByteBuffer der) {
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
}
