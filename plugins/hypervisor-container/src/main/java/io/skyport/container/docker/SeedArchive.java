package io.skyport.container.docker;

import io.skyport.container.SeedFiles;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The {@link SeedFiles} as the tar archive the engine's copy endpoint takes, extracted at /. */
public final class SeedArchive {
    private SeedArchive() {
    }

    public static byte[] of(VmSpec vm, String hostName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (SeedFiles.Entry f : SeedFiles.of(vm, hostName)) {
                TarArchiveEntry e = new TarArchiveEntry(f.path());
                if (f.directory()) {
                    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | f.mode());
                    tar.putArchiveEntry(e);
                } else {
                    e.setSize(f.content().length);
                    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | f.mode());
                    tar.putArchiveEntry(e);
                    tar.write(f.content());
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
