package io.skyport.core.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.ExecResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

public class VmExecTest {
    private final VmDao vms = mock(VmDao.class);
    private final HostDao hosts = mock(HostDao.class);
    private final Placement placement = mock(Placement.class);
    private final EventService events = mock(EventService.class);
    private final HypervisorDriver driver = mock(HypervisorDriver.class);
    private final Host host = new Host(7, "h-uuid", "h", 1, 1, 1, "Docker", "unix:///s", "Up", "Enabled", 4, 2000,
            1L << 33, 0, 0, Instant.now(), Instant.now());
    private final CallContext admin = CallContext.system();
    private VmExec exec;

    private static Vm vm(VmState state, Long hostId) {
        return new Vm(2, "vm-2", "web", "web", 2, 1, 1, hostId, null, 1, 1, "Docker", 1, 500, 64, state, null, null, 0,
                Instant.now(), Instant.now());
    }

    @Before
    public void setUp() {
        exec = new VmExec(vms, hosts, placement, events);
        when(hosts.host(7)).thenReturn(Optional.of(host));
        when(placement.driverOf(host)).thenReturn(driver);
    }

    @Test
    public void theCommandRunsOnTheVmsHostAndItsLineIsAuditedWithoutOutput() {
        when(vms.find(2)).thenReturn(Optional.of(vm(VmState.Running, 7L)));
        when(driver.exec(any(), eq("vm-2"), eq(List.of("sh", "-c", "echo secret-output")))).thenReturn(
                new ExecResult(0, "secret-output\n", ""));
        VmExec.Outcome o = exec.exec(admin, 2, List.of("sh", "-c", "echo secret-output"));
        assertEquals(0, o.exitCode());
        assertEquals("secret-output\n", o.stdout());
        assertFalse(o.truncated());
        ArgumentCaptor<String> descriptions = ArgumentCaptor.forClass(String.class);
        verify(events).record(eq(admin), eq("VM.EXEC"), eq("INFO"), eq("Started"), descriptions.capture(),
                eq("VirtualMachine"), eq("vm-2"));
        verify(events).record(eq(admin), eq("VM.EXEC"), descriptions.capture(), eq("VirtualMachine"), eq("vm-2"));
        for (String d : descriptions.getAllValues()) {
            assertTrue(d, d.contains("sh -c 'echo secret-output'"));
            assertFalse(d, d.contains("secret-output\n"));
        }
    }

    @Test
    public void aVmThatIsNotRunningIsAStateErrorAndNothingRuns() {
        when(vms.find(2)).thenReturn(Optional.of(vm(VmState.Stopped, null)));
        ApiException e = assertThrows(ApiException.class, () -> exec.exec(admin, 2, List.of("hostname")));
        assertEquals(ApiError.INVALID_STATE, e.error());
        verify(driver, never()).exec(any(), anyString(), any());
    }

    @Test
    public void aHostWithoutExecIsAParameterErrorNotAServerError() {
        when(vms.find(2)).thenReturn(Optional.of(vm(VmState.Running, 7L)));
        when(driver.exec(any(), anyString(), any())).thenThrow(new UnsupportedOperationException("no exec here"));
        ApiException e = assertThrows(ApiException.class, () -> exec.exec(admin, 2, List.of("hostname")));
        assertEquals(ApiError.PARAM_ERROR, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("does not support running commands"));
        verify(events).record(eq(admin), eq("VM.EXEC"), eq("ERROR"), eq("Failed"), anyString(), eq("VirtualMachine"),
                eq("vm-2"));
    }

    @Test
    public void outputIsCutToTheBoundOnACharacterBoundary() {
        when(vms.find(2)).thenReturn(Optional.of(vm(VmState.Running, 7L)));
        // 'é' is two bytes: the bound falls inside one of them
        String big = "a" + "é".repeat(VmExec.OUTPUT_BYTES);
        when(driver.exec(any(), anyString(), any())).thenReturn(new ExecResult(0, big, "short"));
        VmExec.Outcome o = exec.exec(admin, 2, List.of("cat", "big"));
        assertTrue(o.truncated());
        assertEquals("a" + "é".repeat((VmExec.OUTPUT_BYTES - 2) / 2), o.stdout());
        assertEquals("short", o.stderr());
    }

    @Test
    public void commandLinesQuoteWhatAShellWouldSplit() {
        assertEquals("ls -l /tmp", VmExec.commandLine(List.of("ls", "-l", "/tmp")));
        assertEquals("sh -c 'echo a b' 'it'\\''s'", VmExec.commandLine(List.of("sh", "-c", "echo a b", "it's")));
    }
}
