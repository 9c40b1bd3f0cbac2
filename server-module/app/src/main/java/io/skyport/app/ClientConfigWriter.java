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
        String text = "[cloudstack]\nendpoint = " + apiUrl + "\nkey = " + admin.apiKey() + "\nsecret = "
                + admin.secretKey() + "\n";
        return writePrivate(home.resolve(FILE_NAME), text);
    }

    /**
     * Writes {@code aws/config} and {@code aws/credentials} under the home directory for the stock
     * AWS clients (profile {@code skyport}): the EC2 endpoint, the region and the admin's keys.
     * Returns the config file.
     */
    static Optional<Path> writeAws(Path home, String ec2Url, String region, IdentityService.Bootstrap admin) {
        Path dir = home.resolve("aws");
        Optional<Path> config = writePrivate(dir.resolve("config"), "[profile skyport]\nregion = " + region
                + "\nendpoint_url = " + ec2Url + "\noutput = json\n");
        Optional<Path> credentials = writePrivate(dir.resolve("credentials"), "[skyport]\naws_access_key_id = "
                + admin.apiKey() + "\naws_secret_access_key = " + admin.secretKey() + "\n");
        return credentials.isPresent() ? config : Optional.empty();
    }

    private static Optional<Path> writePrivate(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            // create it private before the secret goes in, so it is never world-readable
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, text);
            return Optional.of(file);
        } catch (IOException e) {
            // not fatal: the operator still sees the keys once in the banner
            LOG.warn("could not write {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
