package io.skyport.container.lxc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.Test;

public class LxdImageImportTest {
    /** A rootfs tarball as {@code tar -C dir -cz .} makes it: ./ prefixes, a file, a symlink and a hard link. */
    private static byte[] rootfs() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.putArchiveEntry(new TarArchiveEntry("./"));
            tar.closeArchiveEntry();
            tar.putArchiveEntry(new TarArchiveEntry("./bin/"));
            tar.closeArchiveEntry();
            byte[] busybox = "#!busybox".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry file = new TarArchiveEntry("./bin/busybox");
            file.setSize(busybox.length);
            file.setMode(0100755);
            tar.putArchiveEntry(file);
            tar.write(busybox);
            tar.closeArchiveEntry();
            TarArchiveEntry sym = new TarArchiveEntry("./bin/sh", TarArchiveEntry.LF_SYMLINK);
            sym.setLinkName("/bin/busybox");
            tar.putArchiveEntry(sym);
            tar.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("./bin/ash", TarArchiveEntry.LF_LINK);
            hard.setLinkName("./bin/busybox");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    public void aRootfsTarballBecomesAUnifiedImageWithItsEntriesUnderRootfs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LxdImageImport.unifiedImage(new ByteArrayInputStream(rootfs()), out, "skyport-template-x",
                Instant.ofEpochSecond(1_700_000_000));
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                if (e.getName().equals("metadata.yaml")) {
                    String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(yaml, yaml.contains("creation_date: 1700000000\n"));
                    assertTrue(yaml, yaml.startsWith("architecture: " + LxdImageImport.architecture() + "\n"));
                }
                if (e.getName().equals("rootfs/bin/busybox")) {
                    assertEquals(0100755, e.getMode());
                    assertEquals("#!busybox", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (e.getName().equals("rootfs/bin/sh")) {
                    assertTrue(e.isSymbolicLink());
                    assertEquals("a symlink keeps its target inside the container", "/bin/busybox", e.getLinkName());
                }
                if (e.getName().equals("rootfs/bin/ash")) {
                    assertTrue(e.isLink());
                    assertEquals("a hard link names the moved entry", "rootfs/bin/busybox", e.getLinkName());
                }
            }
        }
        assertEquals(List.of("metadata.yaml", "rootfs/", "rootfs/bin/", "rootfs/bin/busybox", "rootfs/bin/sh",
                "rootfs/bin/ash"), names);
    }

    @Test
    public void leadingDotsAndSlashesAreDropped() {
        assertEquals("etc/inittab", LxdImageImport.relative("./etc/inittab"));
        assertEquals("etc/", LxdImageImport.relative("/etc/"));
        assertEquals("", LxdImageImport.relative("./"));
        assertEquals("", LxdImageImport.relative("."));
    }
}
