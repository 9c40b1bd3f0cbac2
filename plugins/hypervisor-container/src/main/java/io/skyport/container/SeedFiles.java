package io.skyport.container;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The files put into a container before it starts: a cloud-init NoCloud seed (user-data,
 * meta-data), so images with cloud-init configure themselves as on a VM, and root's
 * authorized_keys, so images without it still take the VM's SSH keys. Paths are relative to /,
 * parents listed before their children, so a driver can create them in order; each driver
 * delivers them its daemon's way (a tar archive for Docker, the files API for LXD).
 */
public final class SeedFiles {
    public static final String SEED_DIR = "var/lib/cloud/seed/nocloud/";
    public static final String AUTHORIZED_KEYS = "root/.ssh/authorized_keys";

    private SeedFiles() {
    }

    /** A directory (content null, path ending in /) or a file, owned by root, with its mode bits. */
    public record Entry(String path, byte[] content, int mode) {
        public boolean directory() {
            return content == null;
        }
    }

    public static List<Entry> of(VmSpec vm, String hostName) {
        List<Entry> out = new ArrayList<>();
        for (String dir : List.of("var/", "var/lib/", "var/lib/cloud/", "var/lib/cloud/seed/", SEED_DIR)) {
            out.add(new Entry(dir, null, 0755));
        }
        out.add(new Entry(SEED_DIR + "user-data", userData(vm.userData()), 0600));
        out.add(new Entry(SEED_DIR + "meta-data", metaData(vm, hostName).getBytes(StandardCharsets.UTF_8), 0644));
        out.add(new Entry("root/", null, 0700));
        out.add(new Entry("root/.ssh/", null, 0700));
        out.add(new Entry(AUTHORIZED_KEYS, authorizedKeys(vm.sshPublicKeys()).getBytes(StandardCharsets.UTF_8),
                0600));
        return out;
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
}
