package io.skyport.container.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The client side of a TLS engine ({@code dockerd --tlsverify}): the certificate directory is
 * checked before any connection, and a failed connection is told in terms of what to fix (which
 * file, which side rejected which certificate) instead of the TLS stack's own wording.
 */
public final class DockerTls {
    static final String CA = "ca.pem";
    static final String CERT = "cert.pem";
    static final String KEY = "key.pem";

    private DockerTls() {
    }

    /** Throws IllegalArgumentException naming what is wrong with the directory, or returns when it holds all three files. */
    public static void checkCertPath(String tlsCertPath) {
        Path dir = Path.of(tlsCertPath);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("tlscertpath " + tlsCertPath + " is not a directory on the management "
                    + "server; it must hold " + CA + ", " + CERT + " and " + KEY);
        }
        for (String[] f : new String[][] {{CA, "the CA certificate that signed the engine's certificate"},
                {CERT, "the client certificate"}, {KEY, "the client certificate's private key"}}) {
            Path file = dir.resolve(f[0]);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("tlscertpath " + tlsCertPath + " has no readable " + f[0] + " ("
                        + f[1] + ")");
            }
        }
    }

    /**
     * Why a connection to the engine failed, for an administrator: TLS problems are named, any
     * other failure is given as the client reported it.
     */
    public static String describe(DockerEndpoint endpoint, Throwable failure) {
        String where = endpoint.dockerHost();
        String certs = endpoint.tlsCertPath();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("http request to an https server")) {
                return "the engine at " + where + " requires TLS: give tlscertpath, a directory with " + CA + ", "
                        + CERT + " and " + KEY;
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return "TLS with the engine at " + where + " failed: its certificate is not issued for this address ("
                        + m + ")";
            }
            if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")) {
                return "TLS with the engine at " + where + " failed: its certificate is not signed by the CA in "
                        + Path.of(certs == null ? "." : certs).resolve(CA) + " (CA mismatch)";
            }
            if (lower.contains("bad_certificate") || lower.contains("certificate_required")
                    || lower.contains("unknown_ca") || lower.contains("certificate_unknown")) {
                return "TLS with the engine at " + where + " failed: the engine rejected the client certificate "
                        + Path.of(certs == null ? "." : certs).resolve(CERT) + " (not signed by a CA it trusts)";
            }
            if (lower.contains("unsupported or unrecognized ssl message")) {
                return "TLS with the engine at " + where + " failed: the engine does not speak TLS on this port; "
                        + "leave tlscertpath out";
            }
            if (certs != null && (lower.contains("broken pipe") || lower.contains("connection reset"))) {
                // with TLS 1.3 the engine's refusal of the client certificate often reaches the client
                // only as a closed connection, after its own side of the handshake completed
                return "TLS with the engine at " + where + " failed: the engine closed the connection, as it does "
                        + "when it rejects the client certificate " + Path.of(certs).resolve(CERT)
                        + " (not signed by a CA it trusts)";
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return "TLS with the engine at " + where + " failed: " + m;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "the Docker engine at " + where + " does not answer: " + m;
    }
}
