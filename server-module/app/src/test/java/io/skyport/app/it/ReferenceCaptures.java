package io.skyport.app.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Apache CloudStack 4.20 captures the shape tests compare against. The ones the tests use
 * are copied into src/test/resources so a clean clone (CI) has them; the shared reference
 * directory, when present, is only used to check those copies have not drifted and as a
 * fallback for a capture that was not copied.
 */
public final class ReferenceCaptures {
    static final String CLASSPATH_DIR = "/reference/cloudstack-4.20/";
    private static final String SUBDIR = "cloudstack-4.20";

    private ReferenceCaptures() {
    }

    /** A capture by file name: from the class path, else from the shared reference directory. */
    public static JsonObject load(String file) {
        try (InputStream in = ReferenceCaptures.class.getResourceAsStream(CLASSPATH_DIR + file)) {
            if (in != null) {
                return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            }
            Optional<Path> dir = sharedDir();
            if (dir.isPresent() && Files.isRegularFile(dir.get().resolve(file))) {
                return JsonParser.parseString(Files.readString(dir.get().resolve(file))).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read capture " + file, e);
        }
        throw new IllegalStateException("capture " + file + " is neither a test resource under " + CLASSPATH_DIR
                + " nor in a shared reference directory (set SKYPORT_REFERENCE_DIR)");
    }

    /** The class-path copy of a capture as raw bytes, or null when it was not copied. */
    static byte[] copyBytes(String file) throws IOException {
        try (InputStream in = ReferenceCaptures.class.getResourceAsStream(CLASSPATH_DIR + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * The shared {@code cloudstack-4.20} directory, looked for in order: the
     * {@code skyport.reference.dir} system property or {@code SKYPORT_REFERENCE_DIR} (either
     * the reference root or its cloudstack-4.20 folder), then {@code ../shared/reference} beside
     * the repository root (found by walking up from the working directory).
     */
    public static Optional<Path> sharedDir() {
        List<Path> candidates = new ArrayList<>();
        for (String configured : new String[] {System.getProperty("skyport.reference.dir"),
                System.getenv("SKYPORT_REFERENCE_DIR")}) {
            if (configured != null && !configured.isBlank()) {
                candidates.add(Paths.get(configured));
            }
        }
        repositoryRoot().ifPresent(root -> {
            if (root.getParent() != null) {
                candidates.add(root.getParent().resolve("shared").resolve("reference"));
            }
        });
        for (Path c : candidates) {
            for (Path p : new Path[] {c.resolve(SUBDIR), c}) {
                if (Files.isRegularFile(p.resolve("listAccounts.json"))) {
                    return Optional.of(p.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** The nearest ancestor of the working directory that holds server-module/ (the repository root). */
    private static Optional<Path> repositoryRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("server-module"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
