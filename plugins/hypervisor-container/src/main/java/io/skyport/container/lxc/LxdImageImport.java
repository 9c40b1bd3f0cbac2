package io.skyport.container.lxc;

import com.google.gson.JsonObject;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Imports a root file system tarball template (format TAR) into an LXD daemon that lacks it. LXD
 * takes images as a metadata.yaml beside a rootfs/ directory, so the management server fetches
 * the tarball, writes a unified image tarball (a metadata.yaml of its own, then every entry of the
 * root file system under rootfs/, links included) to a temporary file, uploads it to
 * {@code POST /1.0/images} and names it with an alias, the template's image name. Imports of one
 * image run once at a time.
 */
final class LxdImageImport {
    private static final Logger LOG = LogManager.getLogger(LxdImageImport.class);
    private static final Duration UPLOAD_WAIT = Duration.ofMinutes(10);
    private static final String ROOTFS = "rootfs/";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Imports the VM's image from its source and returns the image's fingerprint; null when another import made it. */
    String importFor(LxdClient lxd, VmSpec vm) {
        synchronized (locks.computeIfAbsent(lxd.address() + "|" + vm.image(), k -> new Object())) {
            JsonObject alias = LxcDriver.lookupAlias(lxd, vm.image());
            if (alias != null) {
                return alias.get("target").getAsString();
            }
            Path image = null;
            try {
                image = Files.createTempFile("skyport-lxd-image", ".tar");
                LOG.info("importing image {} from {}", vm.image(), vm.imageSource());
                try (InputStream rootfs = fetch(vm); OutputStream out = Files.newOutputStream(image)) {
                    unifiedImage(rootfs, out, vm.image(), Instant.now());
                }
                String fingerprint = lxd.uploadImage(image, UPLOAD_WAIT).getAsJsonObject().get("fingerprint")
                        .getAsString();
                JsonObject body = new JsonObject();
                body.addProperty("name", vm.image());
                body.addProperty("target", fingerprint);
                body.addProperty("description", "Skyport template from " + vm.imageSource());
                lxd.call("POST", "/1.0/images/aliases", body, Duration.ZERO);
                return fingerprint;
            } catch (IOException e) {
                throw new IllegalStateException("could not import the root file system of image " + vm.image()
                        + " from " + vm.imageSource() + ": " + e.getMessage(), e);
            } finally {
                if (image != null) {
                    try {
                        Files.deleteIfExists(image);
                    } catch (IOException e) {
                        LOG.debug("could not delete {}: {}", image, e.toString());
                    }
                }
            }
        }
    }

    private InputStream fetch(VmSpec vm) throws IOException {
        URI uri;
        try {
            uri = URI.create(vm.imageSource().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the template URL " + vm.imageSource() + " is not a URL: " + e.getMessage());
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IllegalStateException("could not fetch the root file system of image " + vm.image() + " from "
                    + vm.imageSource() + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /**
     * Writes LXD's unified image format: metadata.yaml, then the root file system's entries under
     * rootfs/. The source may be a plain, gzip or bzip2 tarball.
     */
    static void unifiedImage(InputStream source, OutputStream out, String name, Instant created) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(source);
        InputStream plain;
        try {
            plain = new CompressorStreamFactory().createCompressorInputStream(buffered);
        } catch (CompressorException notCompressed) {
            plain = buffered;
        }
        try (TarArchiveInputStream in = new TarArchiveInputStream(plain);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] metadata = metadata(name, created).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry meta = new TarArchiveEntry("metadata.yaml");
            meta.setSize(metadata.length);
            meta.setMode(0100644);
            tar.putArchiveEntry(meta);
            tar.write(metadata);
            tar.closeArchiveEntry();
            TarArchiveEntry root = new TarArchiveEntry(ROOTFS);
            root.setMode(040755);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String path = relative(e.getName());
                if (path.isEmpty()) {
                    continue;
                }
                TarArchiveEntry copy = new TarArchiveEntry(ROOTFS + path, e.getLinkFlag());
                copy.setMode(e.getMode());
                copy.setUserId(e.getLongUserId());
                copy.setGroupId(e.getLongGroupId());
                copy.setModTime(e.getModTime());
                copy.setDevMajor(e.getDevMajor());
                copy.setDevMinor(e.getDevMinor());
                if (e.isSymbolicLink()) {
                    copy.setLinkName(e.getLinkName());
                } else if (e.isLink()) {
                    // hard links name another entry of the archive, which now lives under rootfs/
                    copy.setLinkName(ROOTFS + relative(e.getLinkName()));
                }
                if (e.isFile() && !e.isLink()) {
                    copy.setSize(e.getSize());
                }
                tar.putArchiveEntry(copy);
                if (e.isFile() && !e.isLink()) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** An entry's path without the leading ./ or / tarballs made with tar -C dir . carry. */
    static String relative(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n.equals(".") ? "" : n;
    }

    static String metadata(String name, Instant created) {
        return "architecture: " + architecture() + "\ncreation_date: " + created.getEpochSecond() + "\nproperties:\n"
                + "  description: \"Skyport template " + name.replace("\"", "") + "\"\n";
    }

    /** LXD's name for this machine's architecture (images are for the host they are imported on). */
    static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }
}
