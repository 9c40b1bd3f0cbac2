package io.skyport.container.docker;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files copied into a created container before it starts: a cloud-init NoCloud seed
 * (user-data, meta-data), so images with cloud-init configure themselves as on a VM, and root's
 * authorized_keys, so images without it still take the VM's SSH keys. Paths are relative to /.
 */
public final class SeedArchive {
    public static final String SEED_DIR = "var/lib/cloud/seed/nocloud/";
    public static final String AUTHORIZED_KEYS = "root/.ssh/authorized_keys";

    private SeedArchive() {
    }

    public static byte[] of(VmSpec vm, String hostName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("var/", "var/lib/", "var/lib/cloud/", "var/lib/cloud/seed/", SEED_DIR)) {
                directory(tar, dir, 0755);
            }
            file(tar, SEED_DIR + "user-data", userData(vm.userData()), 0600);
            file(tar, SEED_DIR + "meta-data", metaData(vm, hostName).getBytes(StandardCharsets.UTF_8), 0644);
            directory(tar, "root/", 0700);
            directory(tar, "root/.ssh/", 0700);
            file(tar, AUTHORIZED_KEYS, authorizedKeys(vm.sshPublicKeys()).getBytes(StandardCharsets.UTF_8), 0600);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** VMs keep their user data base64-encoded, as the APIs take it; the guest reads it decoded. */
    static byte[] userData(String base64) {
        if (base64 == null || base64.isBlank()) {
            return new byte[0];
        }
        return Base64.getMimeDecoder().decode(base64);
    }

    static String metaData(VmSpec vm, String hostName) {
        return "instance-id: " + vm.uuid() + "\nlocal-hostname: " + hostName + "\n";
    }

    static String authorizedKeys(List<String> keys) {
        StringBuilder out = new StringBuilder();
        if (keys != null) {
            for (String k : keys) {
                if (k != null && !k.isBlank()) {
                    out.append(k.trim()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
