package io.skyport.simulator;

import io.skyport.core.db.Db;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.simulator.SimulatorFaults.Command;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated hypervisor. Hosts are URLs like {@code sim://host1?cpus=32&speed=2400&memory=131072}
 * (memory in MB). Instances are rows that survive a management server restart, as a real
 * hypervisor's would; faults and latency come from {@link SimulatorFaults}.
 */
public class SimulatorDriver implements HypervisorDriver {
    public static final String TYPE = "Simulator";
    private final JdbcTemplate jdbc;
    private final SimulatorFaults faults;

    public SimulatorDriver(JdbcTemplate jdbc, SimulatorFaults faults) {
        this.jdbc = jdbc;
        this.faults = faults;
    }

    @Override
    public String hypervisorType() {
        return TYPE;
    }

    /** Simulated hosts go Down and Up through configureSimulator, not through a monitor's pings. */
    @Override
    public boolean monitored() {
        return false;
    }

    @Override
    public HostCapacity connect(HostRef host) {
        if (host.url() == null || !host.url().startsWith("sim://")) {
            throw new IllegalArgumentException("simulator host URLs look like sim://name?cpus=16&speed=2400&memory=65536");
        }
        Map<String, String> q = query(host.url());
        try {
            int cpus = Integer.parseInt(q.getOrDefault("cpus", "32"));
            long speed = Long.parseLong(q.getOrDefault("speed", "2400"));
            long memoryMb = Long.parseLong(q.getOrDefault("memory", "131072"));
            if (cpus < 1 || speed < 1 || memoryMb < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            return new HostCapacity(cpus, speed, memoryMb * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capacity parameters must be numbers: " + host.url());
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    out.put(kv.substring(0, i), kv.substring(i + 1));
                }
            }
        }
        return out;
    }

    @Override
    public HostCapacity hostCapacity(HostRef host) {
        return connect(host);
    }

    @Override
    public void start(HostRef host, VmSpec vm) {
        faults.before(host.uuid(), Command.START);
        put(vm.uuid(), host.uuid(), PowerState.RUNNING);
    }

    @Override
    public void stop(HostRef host, String vmUuid, boolean force) {
        faults.before(host.uuid(), Command.STOP);
        put(vmUuid, host.uuid(), PowerState.STOPPED);
    }

    @Override
    public void reboot(HostRef host, String vmUuid) {
        faults.before(host.uuid(), Command.REBOOT);
        if (status(host, vmUuid) != PowerState.RUNNING) {
            throw new IllegalStateException("instance " + vmUuid + " is not running on " + host.name());
        }
    }

    @Override
    public void destroy(HostRef host, String vmUuid) {
        faults.before(host.uuid(), Command.DESTROY);
        jdbc.update("DELETE FROM simulator_instances WHERE vm_uuid = ?", vmUuid);
    }

    @Override
    public PowerState status(HostRef host, String vmUuid) {
        if (faults.isDown(host.uuid())) {
            return PowerState.UNKNOWN;
        }
        List<String> s = jdbc.queryForList("SELECT power_state FROM simulator_instances WHERE vm_uuid = ? "
                + "AND host_uuid = ?", String.class, vmUuid, host.uuid());
        return s.isEmpty() ? PowerState.MISSING : PowerState.valueOf(s.get(0));
    }

    @Override
    public Map<String, PowerState> list(HostRef host) {
        Map<String, PowerState> out = new HashMap<>();
        jdbc.query("SELECT vm_uuid, power_state FROM simulator_instances WHERE host_uuid = ?",
                rs -> {
                    out.put(rs.getString(1), PowerState.valueOf(rs.getString(2)));
                }, host.uuid());
        return out;
    }

    @Override
    public String consoleOutput(HostRef host, String vmUuid) {
        return "[simulator] instance " + vmUuid + " on " + host.name() + " is " + status(host, vmUuid) + "\n";
    }

    /** One statement (an upsert both databases understand), so one commit per power change. */
    private void put(String vmUuid, String hostUuid, PowerState state) {
        jdbc.update("INSERT INTO simulator_instances (vm_uuid, host_uuid, power_state, updated) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE host_uuid = VALUES(host_uuid), power_state = VALUES(power_state), "
                        + "updated = VALUES(updated)", vmUuid, hostUuid, state.name(), Db.ts(Instant.now()));
    }
}
