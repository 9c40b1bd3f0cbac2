package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.skyport.container.ContainerLayout;
import io.skyport.plugin.HypervisorDriver.HostRef;
import io.skyport.plugin.HypervisorDriver.VolumeRef;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Docker named volumes: mounts, and how a stopped container is replaced to change them. */
public class DockerVolumesTest {
    private static final HostRef HOST = new HostRef(1, "h", "h", "unix:///var/run/docker.sock", Map.of());
    private static final VolumeRef VOLUME = new VolumeRef("vol-1", "data", 3, 5L << 30);
    private DockerClient docker;
    private DockerDriver driver;

    @Before
    public void setUp() {
        docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        DockerClients clients = mock(DockerClients.class);
        when(clients.client(any())).thenReturn(docker);
        driver = new DockerDriver(clients);
    }

    private static Mount mount(String source, String target) {
        return new Mount().withType(MountType.VOLUME).withSource(source).withTarget(target);
    }

    @Test
    public void aVolumeIsItsNamedVolumeAtTheSlotsPath() {
        Mount m = DockerVolumes.mount(VOLUME);
        assertEquals(MountType.VOLUME, m.getType());
        assertEquals("skyport-vol-vol-1", m.getSource());
        assertEquals("/mnt/disk3", m.getTarget());
        assertThrows(IllegalArgumentException.class, () -> ContainerLayout.mountPath(0));
    }

    @Test
    public void anAddedMountReplacesOneOfTheSameVolumeOrPath() {
        List<Mount> before = List.of(mount("skyport-vol-a", "/mnt/disk1"), mount("skyport-vol-vol-1", "/mnt/disk2"),
                mount("skyport-vol-b", "/mnt/disk3"));
        List<Mount> after = DockerVolumes.with(before, DockerVolumes.mount(VOLUME));
        assertEquals(List.of("skyport-vol-a:/mnt/disk1", "skyport-vol-vol-1:/mnt/disk3"),
                after.stream().map(m -> m.getSource() + ":" + m.getTarget()).toList());
        assertEquals(List.of("skyport-vol-a:/mnt/disk1", "skyport-vol-b:/mnt/disk3"),
                DockerVolumes.without(before, "skyport-vol-vol-1").stream().map(m -> m.getSource() + ":"
                        + m.getTarget()).toList());
        assertEquals(List.of(), DockerVolumes.without(null, "x"));
    }

    @Test
    public void theVmsImageIsNamedByItsUuidInLowerCase() {
        assertEquals("skyport-vm-0b6c1f8e-aaaa", DockerVolumes.vmImage("0B6C1F8E-AAAA"));
    }

    @Test
    public void theNamedVolumeIsMadeOnlyWhenMissingAndLabelled() {
        when(docker.inspectVolumeCmd("skyport-vol-vol-1").exec()).thenThrow(new NotFoundException("no volume"));
        DockerVolumes.ensure(docker, VOLUME);
        verify(docker.createVolumeCmd().withName("skyport-vol-vol-1")).withLabels(Map.of("skyport.volume", "vol-1"));
    }

    private InspectContainerResponse stopped(List<Mount> mounts, boolean running) {
        InspectContainerResponse c = mock(InspectContainerResponse.class, RETURNS_DEEP_STUBS);
        when(c.getId()).thenReturn("old-id");
        when(c.getName()).thenReturn("/skyport-vm-1");
        when(c.getState().getRunning()).thenReturn(running);
        ContainerConfig config = mock(ContainerConfig.class);
        when(config.getLabels()).thenReturn(Map.of(ContainerLayout.VM_LABEL, "vm-1"));
        when(config.getHostName()).thenReturn("web1");
        when(config.getTty()).thenReturn(true);
        when(config.getStdinOpen()).thenReturn(true);
        when(config.getCmd()).thenReturn(new String[] {"/bin/sh"});
        when(c.getConfig()).thenReturn(config);
        when(c.getHostConfig()).thenReturn(HostConfig.newHostConfig().withMemory(64L << 20).withNetworkMode("none")
                .withMounts(mounts));
        when(docker.inspectContainerCmd("skyport-vm-1").exec()).thenReturn(c);
        return c;
    }

    @Test
    public void attachToAStoppedContainerCommitsItAndReplacesItWithOneThatMountsTheVolume() {
        stopped(List.of(mount("skyport-vol-a", "/mnt/disk1")), false);
        CreateContainerCmd create = mock(CreateContainerCmd.class, RETURNS_SELF);
        CreateContainerResponse created = new CreateContainerResponse();
        created.setId("new-id");
        when(create.exec()).thenReturn(created);
        when(docker.createContainerCmd("skyport-vm-vm-1")).thenReturn(create);

        driver.attachVolume(HOST, "vm-1", VOLUME);

        ArgumentCaptor<HostConfig> hostConfig = ArgumentCaptor.forClass(HostConfig.class);
        verify(create).withHostConfig(hostConfig.capture());
        assertEquals(List.of("skyport-vol-a:/mnt/disk1", "skyport-vol-vol-1:/mnt/disk3"), hostConfig.getValue()
                .getMounts().stream().map(m -> m.getSource() + ":" + m.getTarget()).toList());
        assertEquals("the limits stay", 64L << 20, hostConfig.getValue().getMemory().longValue());
        verify(create).withName("skyport-vm-1-next");
        verify(create).withLabels(Map.of(ContainerLayout.VM_LABEL, "vm-1"));
        verify(create).withCmd(new String[] {"/bin/sh"});
        InOrder order = inOrder(docker);
        order.verify(docker).commitCmd("old-id");
        order.verify(docker).createContainerCmd("skyport-vm-vm-1");
        order.verify(docker).removeContainerCmd("old-id");
        order.verify(docker).renameContainerCmd("new-id");
    }

    @Test
    public void aRunningContainerIsNotTouched() {
        stopped(List.of(), true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> driver.attachVolume(HOST, "vm-1", VOLUME));
        assertTrue(e.getMessage(), e.getMessage().contains("stop the VM first"));
        verify(docker, never()).commitCmd(anyString());
    }

    @Test
    public void aVolumeAlreadyMountedThereChangesNothing() {
        stopped(List.of(mount("skyport-vol-vol-1", "/mnt/disk3")), false);
        driver.attachVolume(HOST, "vm-1", VOLUME);
        verify(docker, never()).commitCmd(anyString());
    }

    @Test
    public void withoutAContainerOnlyTheNamedVolumeIsMade() {
        when(docker.inspectContainerCmd("skyport-vm-1").exec()).thenThrow(new NotFoundException("none"));
        when(docker.inspectVolumeCmd("skyport-vol-vol-1").exec()).thenThrow(new NotFoundException("no volume"));
        driver.attachVolume(HOST, "vm-1", VOLUME);
        verify(docker.createVolumeCmd().withName("skyport-vol-vol-1")).withLabels(Map.of("skyport.volume", "vol-1"));
        verify(docker, never()).commitCmd(anyString());
    }

    @Test
    public void detachReplacesTheContainerWithoutTheMount() {
        stopped(List.of(mount("skyport-vol-vol-1", "/mnt/disk3")), false);
        CreateContainerCmd create = mock(CreateContainerCmd.class, RETURNS_SELF);
        CreateContainerResponse created = new CreateContainerResponse();
        created.setId("new-id");
        when(create.exec()).thenReturn(created);
        when(docker.createContainerCmd("skyport-vm-vm-1")).thenReturn(create);
        driver.detachVolume(HOST, "vm-1", VOLUME);
        ArgumentCaptor<HostConfig> hostConfig = ArgumentCaptor.forClass(HostConfig.class);
        verify(create).withHostConfig(hostConfig.capture());
        assertEquals(List.of(), hostConfig.getValue().getMounts());
        verify(docker).renameContainerCmd("new-id");
    }

    @Test
    public void aContainerThatCannotBeRemovedKeepsItsPlaceAndTheNewOneGoes() {
        stopped(List.of(), false);
        CreateContainerCmd create = mock(CreateContainerCmd.class, RETURNS_SELF);
        CreateContainerResponse created = new CreateContainerResponse();
        created.setId("new-id");
        when(create.exec()).thenReturn(created);
        when(docker.createContainerCmd("skyport-vm-vm-1")).thenReturn(create);
        when(docker.removeContainerCmd("old-id").exec()).thenThrow(new ConflictException("it is running"));
        assertThrows(IllegalStateException.class, () -> driver.attachVolume(HOST, "vm-1", VOLUME));
        verify(docker).removeContainerCmd("new-id");
        verify(docker, never()).renameContainerCmd(anyString());
    }

    @Test
    public void aReplacementLeftUnderItsTemporaryNameTakesTheVmsContainerName() {
        // the replacement already mounts the volume: once it has the name, nothing else changes
        InspectContainerResponse replacement = stopped(List.of(mount("skyport-vol-vol-1", "/mnt/disk3")), false);
        when(docker.inspectContainerCmd("skyport-vm-1").exec()).thenThrow(new NotFoundException("gone"))
                .thenReturn(replacement);
        when(docker.inspectContainerCmd("skyport-vm-1-next").exec().getId()).thenReturn("next-id");
        driver.attachVolume(HOST, "vm-1", VOLUME);
        verify(docker.renameContainerCmd("next-id")).withName("skyport-vm-1");
        verify(docker, never()).commitCmd(anyString());
    }

    @Test
    public void deleteOfAMountedNamedVolumeFailsAndOfAGoneOneDoesNot() {
        when(docker.removeVolumeCmd("skyport-vol-vol-1").exec()).thenThrow(new NotFoundException("gone"))
                .thenThrow(new ConflictException("in use"));
        driver.deleteVolume(HOST, VOLUME);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.deleteVolume(HOST, VOLUME));
        assertTrue(e.getMessage(), e.getMessage().contains("still mounted"));
    }

    @Test
    public void destroyAlsoRemovesTheVmsCommittedImage() {
        driver.destroy(HOST, "vm-1");
        verify(docker).removeImageCmd("skyport-vm-vm-1");
    }
}
