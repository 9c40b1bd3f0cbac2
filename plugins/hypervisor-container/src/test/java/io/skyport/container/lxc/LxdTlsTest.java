package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LxdTlsTest {
    @ClassRule
    public static final TemporaryFolder DIR = new TemporaryFolder();
    private static Path cert;
    private static Path pkcs8Key;
    private static Path ecKey;
    private static Path ecCert;
    private static Path otherKey;
    private static Path server;
    private static String serverFingerprint;

    @BeforeClass
    public static void certificates() throws Exception {
        KeyPair client = ec();
        cert = write("client.crt", pem(selfSigned(client, "client")));
        pkcs8Key = write("client.key", pem(new JcaPKCS8Generator(client.getPrivate(), null)));
        // the traditional "EC PRIVATE KEY" form, with its curve inside, as openssl ecparam and lxc write it
        KeyPairGenerator bc = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider
                .BouncyCastleProvider());
        bc.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair traditional = bc.generateKeyPair();
        ecCert = write("client-ec.crt", pem(selfSigned(traditional, "client-ec")));
        ecKey = write("client-ec.key", pem(traditional));
        otherKey = write("other.key", pem(new JcaPKCS8Generator(ec().getPrivate(), null)));
        X509Certificate s = selfSigned(ec(), "root@lxd");
        server = write("server.crt", pem(s));
        serverFingerprint = LxdTls.fingerprint(s);
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String cn) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(DIR.getRoot().toPath().resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static LxdEndpoint https(String... kv) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            details.put(kv[i], kv[i + 1]);
        }
        return LxdEndpoint.of(new HostRef(1, "u", "h", "https://127.0.0.1:8443", details));
    }

    private static String refusal(String... kv) {
        return assertThrows(IllegalArgumentException.class, () -> https(kv)).getMessage();
    }

    @Test
    public void aClientCertificateWithItsKeyAndThePinnedDaemonMakeATlsContext() {
        LxdEndpoint e = https("clientcert", cert.toString(), "clientkey", pkcs8Key.toString(), "servercert",
                server.toString());
        assertTrue(e.remote());
        assertEquals("https://127.0.0.1:8443", e.address());
        assertEquals(serverFingerprint, e.tls().serverFingerprint());
        assertNotNull(e.tls().sslContext());
        String colons = serverFingerprint.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        assertEquals("a fingerprint as lxc prints it, with colons", serverFingerprint,
                https("clientcert", ecCert.toString(), "clientkey", ecKey.toString(), "serverfingerprint", colons)
                        .tls().serverFingerprint());
        assertEquals("the default port", "https://lxd1:8443", LxdEndpoint.of(new HostRef(1, "u", "h",
                "https://lxd1?clientcert=" + cert + "&clientkey=" + pkcs8Key + "&servercert=" + server, Map.of()))
                .address());
    }

    @Test
    public void everyMisconfigurationIsNamed() throws Exception {
        String c = cert.toString();
        String k = pkcs8Key.toString();
        String s = server.toString();
        assertTrue(Files.readString(ecKey).startsWith("-----BEGIN EC PRIVATE KEY"));
        assertTrue(refusal("clientcert", c, "servercert", s).contains("needs clientcert and clientkey"));
        assertTrue(refusal("clientcert", c, "clientkey", k).contains("exactly one of servercert"));
        assertTrue(refusal("clientcert", c, "clientkey", k, "servercert", s, "serverfingerprint", serverFingerprint)
                .contains("exactly one of servercert"));
        assertTrue(refusal("clientcert", "/nonexistent/c.pem", "clientkey", k, "servercert", s)
                .contains("clientcert /nonexistent/c.pem is not a readable file"));
        assertTrue(refusal("clientcert", k, "clientkey", k, "servercert", s).contains("is not a PEM certificate"));
        assertTrue(refusal("clientcert", c, "clientkey", c, "servercert", s).contains("is not a PEM private key"));
        assertTrue(refusal("clientcert", c, "clientkey", otherKey.toString(), "servercert", s)
                .contains("is not the private key of clientcert " + c));
        assertTrue(refusal("clientcert", c, "clientkey", k, "servercert", k).contains("servercert " + k
                + " is not a PEM certificate"));
        assertTrue(refusal("clientcert", c, "clientkey", k, "serverfingerprint", "abc123")
                .contains("64 hex digits"));
        assertTrue(refusal("clientcert", c, "clientkey", k, "servercert", s, "networking", "bridge")
                .contains("networking=bridge needs the LXD daemon of this machine"));
    }

    @Test
    public void aDaemonCertificateOtherThanThePinnedOneIsNamedInTheFailure() {
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException("x");
        handshake.initCause(new java.security.cert.CertificateException(LxdTls.PINNED_MISMATCH
                + "ab is not the one servercert /s.crt names (cd)"));
        String why = LxdTls.describe("https://127.0.0.1:8443", handshake);
        assertTrue(why, why.startsWith("TLS with the LXD daemon at https://127.0.0.1:8443 failed: the daemon's "
                + "certificate ab is not the one servercert /s.crt names"));
        assertEquals("not a TLS failure", "", LxdTls.describe("x", new java.net.ConnectException("refused")));
    }
}
