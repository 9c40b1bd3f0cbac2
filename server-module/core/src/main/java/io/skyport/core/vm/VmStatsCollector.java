package io.skyport.core.vm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.VmStats;
import io.skyport.plugin.StartupHook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Samples the cpu and memory use of running VMs on hosts whose driver measures them (container
 * hosts), every {@code vm.stats.interval} seconds, and keeps the latest sample per VM. Lists read
 * the samples instead of asking the daemon once per VM per request; Prometheus reads them as
 * gauges tagged with the VM's uuid, beside per-host gauges (cpus, memory, VMs placed).
 */
@Component
public class VmStatsCollector implements StartupHook, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(VmStatsCollector.class);

    private final HostDao hostDao;
    private final VmDao vms;
    private final ModuleRegistry registry;
    private final SettingService settings;
    private final MeterRegistry metrics;
    private final Map<String, VmStats> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> vmMeters = new ConcurrentHashMap<>();
    private final Map<Long, HostFigures> hostFigures = new ConcurrentHashMap<>();
    private final Map<Long, List<Meter>> hostMeters = new ConcurrentHashMap<>();
    private volatile long lastPass;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skyport-vm-stats");
        t.setDaemon(true);
        return t;
    });

    /** What the host gauges read; replaced whole at each pass. */
    record HostFigures(int cpus, long memoryBytes, long vms) {
    }

    public VmStatsCollector(HostDao hostDao, VmDao vms, ModuleRegistry registry, SettingService settings,
                            MeterRegistry metrics) {
        this.hostDao = hostDao;
        this.vms = vms;
        this.registry = registry;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The latest sample of a running VM, if its host measures it. */
    public Optional<VmStats> latest(String vmUuid) {
        return Optional.ofNullable(latest.get(vmUuid));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void serverStarted() {
        // a one-second clock, so a changed interval applies at once (the setting read is cached)
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            long interval = settings.get(CoreSettings.VM_STATS_INTERVAL);
            long now = System.nanoTime();
            if (interval > 0 && (lastPass == 0 || now - lastPass >= TimeUnit.SECONDS.toNanos(interval))) {
                lastPass = now;
                sampleAll();
            }
        } catch (RuntimeException e) {
            LOG.warn("VM stats pass failed: {}", e.toString());
        }
    }

    /** One pass over the hosts that are Up; returns how many VMs were measured. */
    public synchronized int sampleAll() {
        Set<String> seenVms = new HashSet<>();
        Set<Long> seenHosts = new HashSet<>();
        for (Host h : hostDao.hosts(null, null, null, null, null, "Up")) {
            seenHosts.add(h.id());
            hostFigures.put(h.id(), new HostFigures(h.cpus(), h.memoryBytes(), hostDao.countVmsOnHost(h.id())));
            hostMeters.computeIfAbsent(h.id(), id -> hostGauges(h));
            Optional<HypervisorDriver> driver = registry.driver(h.hypervisor());
            if (driver.isPresent() && driver.get().reportsStats()) {
                sampleHost(h, driver.get(), seenVms);
            }
        }
        forgetVmsExcept(seenVms);
        for (Long id : new ArrayList<>(hostMeters.keySet())) {
            if (!seenHosts.contains(id)) {
                hostMeters.remove(id).forEach(metrics::remove);
                hostFigures.remove(id);
            }
        }
        return seenVms.size();
    }

    private void sampleHost(Host h, HypervisorDriver driver, Set<String> seen) {
        for (Vm vm : vms.inStateOnHost(VmState.Running, h.id())) {
            try {
                latest.put(vm.uuid(), driver.stats(h.ref(), vm.uuid()));
                vmMeters.computeIfAbsent(vm.uuid(), this::vmGauges);
                seen.add(vm.uuid());
            } catch (RuntimeException e) {
                // one VM that cannot be measured (stopping right now) does not stop the pass
                LOG.debug("stats of VM {} on host {}: {}", vm.uuid(), h.name(), e.toString());
            }
        }
    }

    private void forgetVmsExcept(Set<String> seen) {
        for (String uuid : new ArrayList<>(latest.keySet())) {
            if (!seen.contains(uuid)) {
                latest.remove(uuid);
                List<Meter> meters = vmMeters.remove(uuid);
                if (meters != null) {
                    meters.forEach(metrics::remove);
                }
            }
        }
    }

    private List<Meter> vmGauges(String uuid) {
        return List.of(
                Gauge.builder("skyport.vm.cpu.usage", () -> stat(uuid).cpuPercent()).tag("vm", uuid)
                        .baseUnit("percent").description("CPU use of the VM, percent of one host CPU")
                        .register(metrics),
                Gauge.builder("skyport.vm.memory.used", () -> stat(uuid).memoryUsedBytes()).tag("vm", uuid)
                        .baseUnit("bytes").description("Memory the VM uses").register(metrics),
                Gauge.builder("skyport.vm.memory.limit", () -> stat(uuid).memoryLimitBytes()).tag("vm", uuid)
                        .baseUnit("bytes").description("Memory limit of the VM").register(metrics));
    }

    private VmStats stat(String uuid) {
        return latest.getOrDefault(uuid, new VmStats(0, 0, 0));
    }

    private List<Meter> hostGauges(Host h) {
        long id = h.id();
        return List.of(
                Gauge.builder("skyport.host.cpus", () -> figures(id).cpus()).tag("host", h.uuid())
                        .tag("hypervisor", h.hypervisor()).description("CPUs of the host").register(metrics),
                Gauge.builder("skyport.host.memory", () -> figures(id).memoryBytes()).tag("host", h.uuid())
                        .tag("hypervisor", h.hypervisor()).baseUnit("bytes").description("Memory of the host")
                        .register(metrics),
                Gauge.builder("skyport.host.vms", () -> figures(id).vms()).tag("host", h.uuid())
                        .tag("hypervisor", h.hypervisor()).description("VMs placed on the host").register(metrics));
    }

    private HostFigures figures(long hostId) {
        return hostFigures.getOrDefault(hostId, new HostFigures(0, 0, 0));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
