package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skyport.plugin.HypervisorDriver.HostRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DockerTlsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static DockerEndpoint endpoint(String certs) {
        return DockerEndpoint.of(new HostRef(0, "u", "n", "tcp://127.0.0.1:2376" + (certs == null ? ""
                : "?tlscertpath=" + certs), Map.of()));
    }

    @Test
    public void aMissingDirectoryOrFileIsNamed() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DockerTls.checkCertPath("/no/such/dir"));
        assertTrue(e.getMessage(), e.getMessage().contains("/no/such/dir is not a directory"));
        Path dir = tmp.newFolder("certs").toPath();
        Files.writeString(dir.resolve("ca.pem"), "x");
        Files.writeString(dir.resolve("key.pem"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> DockerTls.checkCertPath(dir.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("has no readable cert.pem (the client certificate)"));
        Files.writeString(dir.resolve("cert.pem"), "x");
        DockerTls.checkCertPath(dir.toString());
    }

    @Test
    public void tlsFailuresAreToldAsWhatToFix() {
        RuntimeException caMismatch = new RuntimeException(new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"));
        assertEquals("TLS with the engine at tcp://127.0.0.1:2376 failed: its certificate is not signed by the CA in "
                + "/c/ca.pem (CA mismatch)", DockerTls.describe(endpoint("/c"), caMismatch));
        RuntimeException clientRejected = new RuntimeException(new SSLHandshakeException(
                "Received fatal alert: bad_certificate"));
        assertTrue(DockerTls.describe(endpoint("/c"), clientRejected).contains(
                "the engine rejected the client certificate /c/cert.pem"));
        RuntimeException closed = new RuntimeException(new java.net.SocketException("Broken pipe"));
        assertTrue(DockerTls.describe(endpoint("/c"), closed).contains("rejects the client certificate /c/cert.pem"));
        assertTrue("without TLS a closed connection is no certificate matter", DockerTls.describe(endpoint(null),
                closed).endsWith("does not answer: Broken pipe"));
        RuntimeException plain = new RuntimeException("Status 400: Client sent an HTTP request to an HTTPS server.");
        assertTrue(DockerTls.describe(endpoint(null), plain).contains("requires TLS: give tlscertpath"));
        RuntimeException refused = new RuntimeException(new java.net.ConnectException("Connection refused"));
        assertEquals("the Docker engine at tcp://127.0.0.1:2376 does not answer: Connection refused",
                DockerTls.describe(endpoint(null), refused));
    }
}
