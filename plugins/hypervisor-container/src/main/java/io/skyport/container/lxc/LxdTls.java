package io.skyport.container.lxc;

import io.skyport.container.HostOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * How Skyport talks to a remote LXD daemon over HTTPS, as {@code lxc remote add} does: it shows
 * a client certificate the daemon trusts ({@code lxc config trust add}), and it trusts the
 * daemon by pinning the daemon's own certificate (LXD's is self-signed, so there is no CA to
 * check it against): either the certificate file ({@code servercert}) or its SHA-256
 * fingerprint ({@code serverfingerprint}, as {@code lxc info} and {@code lxc remote add} show it).
 * Since the certificate itself is pinned, the host name in it is not checked: LXD's names the
 * machine, not the address it is reached at.
 *
 * <p>Every file is read and checked when the host is added, so a wrong path, a file that is not
 * PEM, an encrypted key or a key that is not the certificate's is refused with its name.
 */
public record LxdTls(Path clientCert, Path clientKey, String serverFingerprint, String serverSource) {
    static final String CLIENT_CERT = "clientcert";
    static final String CLIENT_KEY = "clientkey";
    static final String SERVER_CERT = "servercert";
    static final String SERVER_FINGERPRINT = "serverfingerprint";

    /**
     * The TLS options of an https host, checked: every file readable and of the right kind, the
     * key the certificate's, and exactly one way to know the daemon's certificate.
     */
    static LxdTls of(HostOptions options) {
        String cert = options.text(CLIENT_CERT);
        String key = options.text(CLIENT_KEY);
        if (cert == null || key == null) {
            throw new IllegalArgumentException("an https LXD host needs " + CLIENT_CERT + " and " + CLIENT_KEY
                    + ": the PEM files of a client certificate the daemon trusts (lxc config trust add) and its key");
        }
        String serverCert = options.text(SERVER_CERT);
        String fingerprint = options.text(SERVER_FINGERPRINT);
        if ((serverCert == null) == (fingerprint == null)) {
            throw new IllegalArgumentException("an https LXD host needs exactly one of " + SERVER_CERT
                    + " (the daemon's certificate as a PEM file) or " + SERVER_FINGERPRINT
                    + " (its SHA-256 fingerprint, as lxc info shows it) to know the daemon");
        }
        X509Certificate client = certificate(Path.of(cert), CLIENT_CERT);
        PrivateKey privateKey = privateKey(Path.of(key));
        requireMatch(client, privateKey, cert, key);
        String pinned;
        String source;
        if (serverCert != null) {
            pinned = fingerprint(certificate(Path.of(serverCert), SERVER_CERT));
            source = SERVER_CERT + " " + serverCert;
        } else {
            pinned = normalise(fingerprint);
            source = SERVER_FINGERPRINT;
        }
        return new LxdTls(Path.of(cert), Path.of(key), pinned, source);
    }

    /** Whether any TLS option is given (refused on a unix-socket host, where it would mean nothing). */
    static boolean anyGiven(HostOptions options) {
        return options.text(CLIENT_CERT) != null || options.text(CLIENT_KEY) != null
                || options.text(SERVER_CERT) != null || options.text(SERVER_FINGERPRINT) != null;
    }

    /** A fingerprint as 64 lower-case hex digits; colons and spaces, as tools print them, are dropped. */
    static String normalise(String fingerprint) {
        String hex = fingerprint.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(SERVER_FINGERPRINT + " must be the 64 hex digits of the daemon's "
                    + "SHA-256 certificate fingerprint, not " + fingerprint);
        }
        return hex;
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(Path file, String option) {
        byte[] bytes = read(file, option);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(bytes));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(option + " " + file + " is not a PEM certificate");
        }
    }

    /** A PEM private key in any of the forms openssl and lxc write (PKCS#8, or traditional RSA/EC). */
    static PrivateKey privateKey(Path file) {
        String pem = new String(read(file, CLIENT_KEY), StandardCharsets.US_ASCII);
        try (Reader r = new java.io.StringReader(pem); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter convert = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return convert.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return convert.getPrivateKey(info);
            }
            if (o != null && o.getClass().getSimpleName().contains("Encrypted")) {
                throw new IllegalArgumentException(CLIENT_KEY + " " + file + " is encrypted; give the key "
                        + "unencrypted (openssl pkey -in KEY -out PLAIN)");
            }
            throw new IllegalArgumentException(CLIENT_KEY + " " + file + " is not a PEM private key");
        } catch (IOException e) {
            throw new IllegalArgumentException(CLIENT_KEY + " " + file + " is not a PEM private key: "
                    + e.getMessage());
        }
    }

    private static byte[] read(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + " is not a readable file on the management "
                    + "server");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The key must be the certificate's: a signature made with it must verify with the certificate. */
    static void requireMatch(X509Certificate cert, PrivateKey key, String certFile, String keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448 sign by their own name
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            if (verify.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's fails here: not the certificate's key either
        }
        throw new IllegalArgumentException(CLIENT_KEY + " " + keyFile + " is not the private key of " + CLIENT_CERT
                + " " + certFile);
    }

    /** The TLS context: the client certificate with its key, and only the pinned daemon certificate trusted. */
    SSLContext sslContext() {
        try {
            X509Certificate cert = certificate(clientCert, CLIENT_CERT);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("client", privateKey(clientKey), none, new X509Certificate[] {cert});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys.getKeyManagers(), new TrustManager[] {new Pinned()}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the LXD daemon: " + e.getMessage(), e);
        }
    }

    /** Trusts one certificate, the pinned one, whoever signed it. */
    private final class Pinned implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String got = chain == null || chain.length == 0 ? "none" : fingerprint(chain[0]);
            if (!got.equals(serverFingerprint)) {
                throw new CertificateException(PINNED_MISMATCH + got + " is not the one " + serverSource
                        + " names (" + serverFingerprint + ")");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static final String PINNED_MISMATCH = "the daemon's certificate ";

    /** Why a connection to an https daemon failed, for an administrator; empty when it was not TLS that failed. */
    static String describe(String address, Throwable failure) {
        // the cause that names the problem may sit under the TLS stack's own wrapper, so the whole chain is read first
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (m.startsWith(PINNED_MISMATCH)) {
                return "TLS with the LXD daemon at " + address + " failed: " + m;
            }
            if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
                return "TLS with the LXD daemon at " + address + " failed: nothing speaks TLS on that port";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS with the LXD daemon at " + address + " failed: " + t.getMessage();
            }
        }
        return "";
    }
}
