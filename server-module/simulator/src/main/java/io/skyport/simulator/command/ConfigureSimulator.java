package io.skyport.simulator.command;

import io.skyport.core.infra.HostDao;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import io.skyport.plugin.response.SuccessResponse;
import io.skyport.simulator.SimulatorFaults;
import io.skyport.simulator.SimulatorFaults.Command;
import java.util.Locale;

@ApiCommand(name = "configureSimulator", roles = Role.ADMIN, description = "Configures the simulator: make the next "
        + "calls of a command fail on a host, delay a command, take a host down or bring it back, or clear all faults")
public class ConfigureSimulator implements ApiOperation {
    @Param(name = "hostid", type = ParamType.UUID, entity = "host", description = "the simulated host (all hosts when "
            + "omitted)")
    private Long hostId;

    @Param(name = "name", description = "the driver command: start, stop, reboot, destroy, status")
    private String name;

    @Param(name = "count", type = ParamType.INTEGER, description = "fail the next count calls of the command")
    private Integer count;

    @Param(name = "delay", type = ParamType.LONG, description = "delay every call of the command by this many ms "
            + "(0 clears)")
    private Long delay;

    @Param(name = "down", type = ParamType.BOOLEAN, description = "true takes the host down, false brings it back")
    private Boolean down;

    @Param(name = "clear", type = ParamType.BOOLEAN, description = "remove every fault and delay")
    private Boolean clear;

    private final SimulatorFaults faults;
    private final HostDao hostDao;

    public ConfigureSimulator(SimulatorFaults faults, HostDao hostDao) {
        this.faults = faults;
        this.hostDao = hostDao;
    }

    @Override
    public Object execute(CallContext ctx) {
        if (Boolean.TRUE.equals(clear)) {
            faults.clear();
            return SuccessResponse.ok();
        }
        String host = hostId == null ? "*" : hostDao.host(hostId).orElseThrow().uuid();
        if (down != null) {
            faults.setDown(host, down);
            hostDao.host(hostId == null ? -1 : hostId).ifPresent(h -> hostDao.setHostStatus(h.id(), down ? "Down" : "Up"));
        }
        if (count != null || delay != null) {
            Command c = command();
            if (count != null) {
                faults.failNext(host, c, count);
            }
            if (delay != null) {
                faults.delay(host, c, delay);
            }
        }
        return SuccessResponse.ok();
    }

    private Command command() {
        if (name == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "name (the command to fail or delay) is required with count "
                    + "or delay");
        }
        try {
            return Command.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unknown simulator command " + name
                    + "; use start, stop, reboot, destroy or status");
        }
    }
}
