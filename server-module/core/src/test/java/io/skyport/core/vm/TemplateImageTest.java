package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;

import io.skyport.core.catalog.Template;
import java.time.Instant;
import org.junit.Test;

public class TemplateImageTest {
    private static Template template(String format, String image) {
        return new Template(7, "5E0B0C3A-1111-4222-8333-944455556666", "Busybox Root", "busybox", 1, null, 1, format,
                "Docker", "http://files.example/rootfs.tar.gz", image, true, false, false, 0, "Ready", Instant.EPOCH);
    }

    @Test
    public void aRootfsTarballIsImportedUnderANameOfTheTemplatesOwn() {
        assertEquals("skyport-template-5e0b0c3a-1111-4222-8333-944455556666",
                VmOperations.image(template("TAR", null)));
    }

    @Test
    public void anImageDetailWinsOverTheDefaults() {
        assertEquals("busybox:1.36", VmOperations.image(template("TAR", "busybox:1.36")));
        assertEquals("busybox:1.36", VmOperations.image(template("CONTAINER", "busybox:1.36")));
    }

    @Test
    public void aContainerImageWithoutDetailIsNamedByTheTemplate() {
        assertEquals("Busybox Root", VmOperations.image(template("CONTAINER", null)));
    }
}
