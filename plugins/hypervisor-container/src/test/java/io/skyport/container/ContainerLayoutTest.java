package io.skyport.container;

import static org.junit.Assert.assertEquals;

import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ContainerLayoutTest {
    public static VmSpec vm(int cpus, int mhz, long memoryMb, String name) {
        return new VmSpec("0b6c1f8e-2f7a-4c55-9a43-1d2e3f4a5b6c", name, "acct-uuid", cpus, mhz, memoryMb, "img",
                "aGVsbG8K", List.of("ssh-ed25519 AAAA key1"), Map.of("skyport.vm", "ignored", "tier", "web"));
    }

    @Test
    public void offeringMapsToLimits() {
        ContainerLayout.Limits l = ContainerLayout.limits(vm(2, 1000, 512, "web1"));
        assertEquals(2, l.cpus());
        assertEquals("2 x 1000 MHz", 2000, l.cpuMhz());
        assertEquals(512L * 1024 * 1024, l.memoryBytes());
        assertEquals(2 * ContainerLayout.PIDS_PER_CPU, l.pidsLimit());
    }

    @Test
    public void anOfferingWithoutCpusStillGetsOne() {
        ContainerLayout.Limits l = ContainerLayout.limits(vm(0, 0, 64, "x"));
        assertEquals(1, l.cpus());
        assertEquals(1, l.cpuMhz());
        assertEquals(ContainerLayout.PIDS_PER_CPU, l.pidsLimit());
    }

    @Test
    public void labelsNameTheVmAndAccountWhateverTheSpecCarries() {
        Map<String, String> labels = ContainerLayout.labels(vm(1, 500, 64, "web1"));
        assertEquals("0b6c1f8e-2f7a-4c55-9a43-1d2e3f4a5b6c", labels.get(ContainerLayout.VM_LABEL));
        assertEquals("acct-uuid", labels.get(ContainerLayout.ACCOUNT_LABEL));
        assertEquals("web", labels.get("tier"));
        assertEquals("skyport-0b6c1f8e-2f7a-4c55-9a43-1d2e3f4a5b6c",
                ContainerLayout.containerName("0b6c1f8e-2f7a-4c55-9a43-1d2e3f4a5b6c"));
    }

    @Test
    public void hostNameIsTheVmNameWhenValid() {
        assertEquals("web1", ContainerLayout.hostName(vm(1, 500, 64, "web1")));
        assertEquals("0b6c1f8e-2f7a-4c55-9a43-1d2e3f4a5b6c", ContainerLayout.hostName(vm(1, 500, 64, "web_1 x")));
    }
}
