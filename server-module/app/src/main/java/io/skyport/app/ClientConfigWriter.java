package io.skyport.app;

import io.skyport.core.identity.IdentityService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes {@code $SKYPORT_HOME/cloudstack.ini} for the stock {@code cs} client. Only the first start
 * knows the admin secret in clear, so this is the one chance to hand it to a client; it happens in
 * the server itself, not the CLI, so every way of starting a server leaves a usable configuration.
 */
final class ClientConfigWriter {
    static final String FILE_NAME = "cloudstack.ini";
    private static final Logger LOG = LogManager.getLogger(ClientConfigWriter.class);

    private ClientConfigWriter() {
    }

    /** The written file, readable by its owner only; empty when it could not be written. */
    static Optional<Path> write(Path home, String apiUrl, IdentityService.Bootstrap admin) {
        Path ini = home.resolve(FILE_NAME);
        String text = "[cloudstack]\nendpoint = " + apiUrl + "\nkey = " + admin.apiKey() + "\nsecret = "
                + admin.secretKey() + "\n";
        try {
            Files.createDirectories(home);
            // create it private before the secret goes in, so it is never world-readable
            Files.deleteIfExists(ini);
            try {
                Files.createFile(ini, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(ini);
            }
            Files.writeString(ini, text);
            return Optional.of(ini);
        } catch (IOException e) {
            // not fatal: the operator still sees the keys once in the banner
            LOG.warn("could not write {}: {}", ini, e.toString());
            return Optional.empty();
        }
    }
}
