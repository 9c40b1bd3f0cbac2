package io.skyport.container.docker;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNull;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import org.junit.Test;

public class ImageImportTest {
    private static InspectImageResponse image(String[] cmd, String[] entrypoint) {
        ContainerConfig config = new ContainerConfig() {
            @Override
            public String[] getCmd() {
                return cmd;
            }

            @Override
            public String[] getEntrypoint() {
                return entrypoint;
            }
        };
        return new InspectImageResponse().withConfig(config);
    }

    @Test
    public void anImageWithItsOwnCommandOrEntrypointKeepsIt() {
        assertNull(ImageImport.command(image(new String[] {"/bin/sh"}, null)));
        assertNull(ImageImport.command(image(null, new String[] {"/docker-entrypoint.sh"})));
    }

    @Test
    public void anImportedRootFileSystemWithoutACommandStartsInit() {
        assertArrayEquals(new String[] {"/sbin/init"}, ImageImport.command(image(null, null)));
        assertArrayEquals(new String[] {"/sbin/init"}, ImageImport.command(image(new String[0], new String[0])));
        assertArrayEquals(new String[] {"/sbin/init"}, ImageImport.command(new InspectImageResponse()));
    }
}
