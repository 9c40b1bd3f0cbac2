package io.skyport.app;

import io.skyport.core.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The optional HTTPS listener. Configured by a key store ({@code skyport.tls.keystore}, its
 * password in {@code skyport.tls.keystore.password} or {@code SKYPORT_TLS_KEYSTORE_PASSWORD}) or
 * by PEM files ({@code skyport.tls.cert}, a certificate chain, and {@code skyport.tls.key}, an
 * unencrypted PKCS#8 key). With neither, the server speaks plain HTTP. A configuration that
 * names TLS but cannot be loaded stops the start: falling back to plain HTTP would send
 * credentials in clear text to clients that expect HTTPS.
 */
final class TlsListener {
    private TlsListener() {
    }

    static boolean configured(ServerConfig config) {
        return config.get("skyport.tls.keystore", null) != null || config.get("skyport.tls.cert", null) != null;
    }

    /** The connector for this configuration: HTTPS when TLS is configured, plain HTTP otherwise. */
    static ServerConnector connector(Server jetty, ServerConfig config, HttpConfiguration http) {
        Optional<SslContextFactory.Server> tls = sslContext(config);
        if (tls.isEmpty()) {
            return new ServerConnector(jetty, new RequestLineConnectionFactory(http));
        }
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients reach a management server by address as often as by name; the certificate is the operator's choice
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(jetty, new SslConnectionFactory(tls.get(), "http/1.1"),
                new RequestLineConnectionFactory(https));
    }

    static Optional<SslContextFactory.Server> sslContext(ServerConfig config) {
        String keystore = config.get("skyport.tls.keystore", null);
        String cert = config.get("skyport.tls.cert", null);
        if (keystore == null && cert == null) {
            return Optional.empty();
        }
        SslContextFactory.Server f = new SslContextFactory.Server();
        if (keystore != null) {
            Path path = Path.of(keystore);
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("TLS key store " + path + " (skyport.tls.keystore) is not readable");
            }
            String password = config.get("skyport.tls.keystore.password", "");
            String type = config.get("skyport.tls.keystore.type", path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore ks = KeyStore.getInstance(type);
                ks.load(in, password.toCharArray());
                f.setKeyStore(ks);
            } catch (IOException | GeneralSecurityException e) {
                // the message of a wrong password is "keystore password was incorrect"; never the password itself
                throw new IllegalStateException("cannot load TLS key store " + path + ": " + e.getMessage(), e);
            }
            f.setKeyStorePassword(password);
            f.setKeyManagerPassword(config.get("skyport.tls.key.password", password));
        } else {
            f.setKeyStore(pemKeyStore(Path.of(cert), Path.of(config.get("skyport.tls.key", cert))));
            f.setKeyStorePassword("");
            f.setKeyManagerPassword("");
        }
        return Optional.of(f);
    }

    /** A key store in memory holding the PEM key and its certificate chain. */
    private static KeyStore pemKeyStore(Path certFile, Path keyFile) {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(certFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
            }
            if (chain.length == 0) {
                throw new IllegalStateException("no certificate in " + certFile + " (skyport.tls.cert)");
            }
            PrivateKey key = pemKey(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("skyport", key, new char[0], chain);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the TLS certificate " + certFile + " and key " + keyFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey pemKey(String pem, Path file) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " (skyport.tls.key) holds no unencrypted PKCS#8 key (BEGIN PRIVATE "
                    + "KEY); convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        GeneralSecurityException last = null;
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
