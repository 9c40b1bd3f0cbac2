package io.skyport.core.vm;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Runs an administrator's command inside a running VM (a container's exec). Every call is
 * audited as a VM.EXEC event naming the command line, never its output: one event when it
 * starts and one with the outcome, so a call that never returns is still on record.
 */
@Component
public class VmExec {
    private static final Logger LOG = LogManager.getLogger(VmExec.class);
    /** Each of stdout and stderr is cut to this many bytes (its beginning), so a chatty command cannot flood a job row. */
    public static final int OUTPUT_BYTES = 64 * 1024;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final VmDao vms;
    private final HostDao hostDao;
    private final Placement placement;
    private final EventService events;

    public VmExec(VmDao vms, HostDao hostDao, Placement placement, EventService events) {
        this.vms = vms;
        this.hostDao = hostDao;
        this.placement = placement;
        this.events = events;
    }

    /** What a command printed and how it ended; {@code truncated} when either stream was cut. */
    public record Outcome(int exitCode, String stdout, String stderr, boolean truncated) {
    }

    /**
     * The VM, if a command can be run in it now: checked when the call is made (so the caller
     * gets the error at once) and again when its job runs.
     */
    public Vm runnable(long vmId) {
        Vm vm = vms.find(vmId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find VM by id"));
        if (vm.state() != VmState.Running || vm.hostId() == null) {
            throw new ApiException(ApiError.INVALID_STATE, "Unable to run a command in VM " + vm.name()
                    + " because it is in state " + vm.state() + "; it must be Running");
        }
        return vm;
    }

    public Outcome exec(CallContext caller, long vmId, List<String> command) {
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new ApiException(ApiError.PARAM_ERROR, "A command to run is required");
        }
        Vm vm = runnable(vmId);
        Host host = hostDao.host(vm.hostId()).orElseThrow(() -> new ApiException(ApiError.INVALID_STATE,
                "VM " + vm.name() + " has no host"));
        HypervisorDriver driver = placement.driverOf(host);
        String line = commandLine(command);
        events.record(caller, "VM.EXEC", "INFO", "Started", "Running in VM " + vm.name() + ": " + line,
                "VirtualMachine", vm.uuid());
        ExecResult result;
        try {
            result = driver.exec(host.ref(), vm.uuid(), List.copyOf(command));
        } catch (UnsupportedOperationException e) {
            events.record(caller, "VM.EXEC", "ERROR", "Failed", "Not run in VM " + vm.name() + " (" + line + "): "
                    + e.getMessage(), "VirtualMachine", vm.uuid());
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to run a command in VM " + vm.name() + ": its host "
                    + host.name() + " (" + host.hypervisor() + ") does not support running commands in a VM");
        } catch (RuntimeException e) {
            LOG.warn("exec in VM {} on host {} failed: {}", vm.uuid(), host.name(), e.toString());
            events.record(caller, "VM.EXEC", "ERROR", "Failed", "Failed in VM " + vm.name() + " (" + line + "): "
                    + e.getMessage(), "VirtualMachine", vm.uuid());
            throw new ApiException(ApiError.INTERNAL, "Unable to run the command in VM " + vm.name() + ": "
                    + e.getMessage());
        }
        String out = head(result.stdout());
        String err = head(result.stderr());
        boolean truncated = out.length() != nullToEmpty(result.stdout()).length()
                || err.length() != nullToEmpty(result.stderr()).length();
        events.record(caller, "VM.EXEC", "Ran in VM " + vm.name() + ": " + line + " (exit code " + result.exitCode()
                + ")", "VirtualMachine", vm.uuid());
        return new Outcome(result.exitCode(), out, err, truncated);
    }

    /** The command as a shell would read it back: words needing it are single-quoted. */
    static String commandLine(List<String> command) {
        StringBuilder b = new StringBuilder();
        for (String word : command) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** The first {@link #OUTPUT_BYTES} bytes, cut on a character boundary. */
    static String head(String s) {
        String text = nullToEmpty(s);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= OUTPUT_BYTES) {
            return text;
        }
        int end = OUTPUT_BYTES;
        // step back over UTF-8 continuation bytes so no character is split
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
