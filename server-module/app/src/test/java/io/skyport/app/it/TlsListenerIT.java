package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.skyport.api.auth.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The HTTPS listener with a self-signed certificate made by keytool: a client that trusts the
 * certificate (a trust store, no "insecure" switch) calls the APIs; a client that does not is
 * refused by its own TLS check; plain HTTP gets no API answer; a wrong key store password stops
 * the start without showing the password. The same certificate as PEM files works as well.
 */
public class TlsListenerIT {
    private static final String PASSWORD = "Keystore-Pass-4711";
    private static Path dir;
    private static Path keystore;
    private static SSLContext trusting;

    @BeforeClass
    public static void certificate() throws Exception {
        dir = Files.createTempDirectory("skyport-tls");
        keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "skyport", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("keytool timed out", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("skyport", load().getCertificate("skyport"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    private static KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    @AfterClass
    public static void clean() {
        TestServer.deleteTree(dir);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String signedListZones(TestServer server) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listZones");
        p.put("response", "json");
        p.put("apiKey", server.admin().apiKey());
        p.put("signature", SignatureVerifier.sign(p, server.admin().secret()));
        return "/client/api?" + NativeClient.query(p);
    }

    private static void assertServesHttpsOnly(TestServer server) throws Exception {
        int port = server.server().port();
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = get(client, "https://127.0.0.1:" + port + signedListZones(server));
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), r.body().contains("listzonesresponse"));
        assertEquals(200, get(client, "https://127.0.0.1:" + port + "/healthz").statusCode());
        assertTrue(server.server().config().publicUrl().startsWith("https://"));
        try {
            HttpResponse<String> plain = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + port
                    + signedListZones(server));
            assertTrue("plain HTTP must not reach an API: " + plain.statusCode(), plain.statusCode() >= 400);
            assertFalse(plain.body().contains("listzonesresponse"));
        } catch (IOException expected) {
            // the TLS listener closed the connection: just as good
        }
        try {
            get(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "https://127.0.0.1:" + port
                    + "/healthz");
            fail("a client that does not trust the certificate must refuse it");
        } catch (IOException expected) {
            assertTrue(String.valueOf(expected), expected instanceof javax.net.ssl.SSLException
                    || expected.getCause() instanceof javax.net.ssl.SSLException);
        }
    }

    @Test
    public void keyStoreListenerServesTrustingClients() throws Exception {
        try (TestServer server = new TestServer(Map.of("skyport.tls.keystore", keystore.toString(),
                "skyport.tls.keystore.password", PASSWORD)).start()) {
            assertServesHttpsOnly(server);
        }
    }

    @Test
    public void pemCertificateAndKeyWork() throws Exception {
        KeyStore ks = load();
        Key key = ks.getKey("skyport", PASSWORD.toCharArray());
        Certificate cert = ks.getCertificate("skyport");
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try (TestServer server = new TestServer(Map.of("skyport.tls.cert", certPem.toString(), "skyport.tls.key",
                keyPem.toString())).start()) {
            assertServesHttpsOnly(server);
        }
    }

    @Test
    public void wrongKeyStorePasswordStopsTheStartWithoutShowingIt() {
        String wrong = "Wrong-Secret-9876";
        TestServer server = new TestServer(Map.of("skyport.tls.keystore", keystore.toString(),
                "skyport.tls.keystore.password", wrong));
        try {
            server.start();
            fail("a server whose key store cannot be opened must not start (and never fall back to plain HTTP)");
        } catch (Exception e) {
            StringBuilder why = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                why.append(t.getMessage()).append(" / ");
            }
            assertTrue(why.toString(), why.toString().contains("TLS key store"));
            assertFalse(why.toString(), why.toString().contains(wrong));
        } finally {
            server.stop();
        }
        assertTrue(List.of(dir.toFile().list()).contains("server.p12"));
    }
}
