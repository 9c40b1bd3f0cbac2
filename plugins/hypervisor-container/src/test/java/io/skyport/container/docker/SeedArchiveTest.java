package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.Test;

public class SeedArchiveTest {
    private static Map<String, TarArchiveEntry> entries = new HashMap<>();

    private static Map<String, String> read(byte[] tar) throws IOException {
        Map<String, String> files = new HashMap<>();
        entries.clear();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), e);
                if (!e.isDirectory()) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    public void seedHoldsDecodedUserDataMetaDataAndKeys() throws IOException {
        VmSpec vm = new VmSpec("vm-uuid", "web1", "acct", 1, 500, 64, "img",
                "I2Nsb3VkLWNvbmZpZwpydW5jbWQ6IFtlY2hvLCBoaV0K", List.of("ssh-rsa AAA one", " ssh-ed25519 BBB two "),
                Map.of());
        Map<String, String> files = read(SeedArchive.of(vm, "web1"));
        assertEquals("#cloud-config\nruncmd: [echo, hi]\n", files.get("var/lib/cloud/seed/nocloud/user-data"));
        assertEquals("instance-id: vm-uuid\nlocal-hostname: web1\n", files.get("var/lib/cloud/seed/nocloud/meta-data"));
        assertEquals("ssh-rsa AAA one\nssh-ed25519 BBB two\n", files.get("root/.ssh/authorized_keys"));
        assertEquals(0700, entries.get("root/.ssh/").getMode() & 0777);
        assertEquals(0600, entries.get("root/.ssh/authorized_keys").getMode() & 0777);
        assertTrue(entries.get("root/.ssh/").isDirectory());
    }

    @Test
    public void noUserDataOrKeysGiveEmptyFiles() throws IOException {
        VmSpec vm = new VmSpec("u", "n", "a", 1, 500, 64, "img", null, null, Map.of());
        Map<String, String> files = read(SeedArchive.of(vm, "n"));
        assertEquals("", files.get("var/lib/cloud/seed/nocloud/user-data"));
        assertEquals("", files.get("root/.ssh/authorized_keys"));
    }
}
