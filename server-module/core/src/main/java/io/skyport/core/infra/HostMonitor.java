package io.skyport.core.infra;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyport.core.event.EventService;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.PowerStateSync;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.HypervisorDriver.HostCapacity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Health of the hosts whose driver is {@link HypervisorDriver#monitored() monitored} (container
 * engines; simulated hosts are set Down and Up by fault injection). Every {@code host.ping.interval}
 * seconds each host is pinged through its driver. As CloudStack's agent states go, a host that
 * stops answering goes Up → Disconnected, and after {@code host.alert.after.failures} failed
 * checks in a row → Alert; placement only takes Up hosts, so deploys go elsewhere meanwhile. One
 * answer brings it back Up, with its capacity refreshed and its VMs reconciled at once (a
 * restarted daemon usually comes back with its containers stopped). Each change is an event.
 * The hosts by status are a gauge, {@code skyport.hosts{status=…}}.
 */
@Component
public class HostMonitor implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(HostMonitor.class);
    public static final String UP = "Up";
    public static final String DISCONNECTED = "Disconnected";
    public static final String ALERT = "Alert";
    /** Statuses the gauge always reports, so a dashboard sees a zero rather than no series. */
    private static final List<String> STATUSES = List.of(UP, DISCONNECTED, ALERT, "Down");
    /** A ping that takes longer than this counts as a failure; the daemon is as good as gone. */
    static final long PING_TIMEOUT_SECONDS = 10;

    private final HostDao hostDao;
    private final ModuleRegistry registry;
    private final EventService events;
    private final SettingService settings;
    private final PowerStateSync powerSync;
    private final MeterRegistry metrics;
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "skyport-host-monitor"));
    /** Pings run beside each other, so one hung daemon delays no other host's check. */
    private final ExecutorService pingers = Executors.newCachedThreadPool(r -> daemon(r, "skyport-host-ping"));
    private volatile long lastPass;
    /** The hosts this node holds the lease of; another management server checks the others. */
    private final java.util.function.LongPredicate managed;

    /** A monitor of every host (a single server, or a test). */
    public HostMonitor(HostDao hostDao, ModuleRegistry registry, EventService events, SettingService settings,
                       PowerStateSync powerSync, MeterRegistry metrics) {
        this(hostDao, registry, events, settings, powerSync, metrics, hostId -> true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public HostMonitor(HostDao hostDao, ModuleRegistry registry, EventService events, SettingService settings,
                       PowerStateSync powerSync, MeterRegistry metrics, io.skyport.core.cluster.ManagementNode node) {
        this(hostDao, registry, events, settings, powerSync, metrics, node::owns);
    }

    private HostMonitor(HostDao hostDao, ModuleRegistry registry, EventService events, SettingService settings,
                        PowerStateSync powerSync, MeterRegistry metrics, java.util.function.LongPredicate managed) {
        this.managed = managed;
        this.hostDao = hostDao;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.powerSync = powerSync;
        this.metrics = metrics;
        STATUSES.forEach(this::gauge);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts the checks. The timer ticks every second and a pass runs when the interval setting
     * says it is due, so an admin's change of the interval applies at once.
     */
    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            long intervalMillis = Math.max(1, settings.get(CoreSettings.HOST_PING_INTERVAL)) * 1000L;
            long now = System.currentTimeMillis();
            if (now - lastPass >= intervalMillis) {
                lastPass = now;
                checkAll();
            }
        } catch (RuntimeException e) {
            LOG.warn("host health pass failed: {}", e.toString());
        }
    }

    /** One pass: pings every monitored host and applies what it answered; returns the hosts checked. */
    public int checkAll() {
        List<Host> hosts = hostDao.hosts(null, null, null, null, null, null);
        record Check(Host host, HypervisorDriver driver, Future<HostCapacity> answer) {
        }
        List<Check> checks = new ArrayList<>();
        for (Host h : hosts) {
            if (!managed.test(h.id())) {
                continue;
            }
            Optional<HypervisorDriver> d = registry.driver(h.hypervisor());
            if (d.isPresent() && d.get().monitored()) {
                checks.add(new Check(h, d.get(), pingers.submit(() -> d.get().ping(h.ref()))));
            }
        }
        for (Check c : checks) {
            HostCapacity cap = null;
            String error = null;
            try {
                cap = c.answer().get(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                c.answer().cancel(true);
                error = "no answer within " + PING_TIMEOUT_SECONDS + " s";
            } catch (ExecutionException e) {
                error = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return checks.size();
            }
            apply(c.host(), c.driver(), cap, error);
        }
        countStatuses();
        return checks.size();
    }

    /**
     * The state machine: the next status of a host given this check and the failed ones before. An
     * answer means Up; a failure means Disconnected until {@code alertAfter} failures in a row,
     * then Alert.
     */
    static String next(boolean answered, int failuresInRow, int alertAfter) {
        if (answered) {
            return UP;
        }
        return failuresInRow >= Math.max(1, alertAfter) ? ALERT : DISCONNECTED;
    }

    void apply(Host h, HypervisorDriver driver, HostCapacity cap, String error) {
        boolean answered = cap != null;
        int inRow = answered ? 0 : failures.merge(h.id(), 1, Integer::sum);
        if (answered) {
            failures.remove(h.id());
        }
        String status = next(answered, inRow, settings.get(CoreSettings.HOST_ALERT_AFTER));
        CallContext system = CallContext.system();
        if (answered) {
            hostDao.setHostStatus(h.id(), UP);
            if (cap.cpus() != h.cpus() || cap.cpuSpeedMhz() != h.cpuSpeed() || cap.memoryBytes() != h.memoryBytes()) {
                hostDao.setHostCapacity(h.id(), cap.cpus(), (int) cap.cpuSpeedMhz(), cap.memoryBytes());
            }
            if (!UP.equals(h.status())) {
                LOG.warn("host {} answers again: {} -> Up", h.name(), h.status());
                events.record(system, "HOST.RECONNECT", "Host " + h.name() + " answers again and is Up (was "
                        + h.status() + ")", "Host", h.uuid());
                hostDao.host(h.id()).ifPresent(powerSync::syncHost);
            }
            watch(h, driver);
            return;
        }
        if (status.equals(h.status())) {
            LOG.debug("host {} still does not answer ({} failed checks): {}", h.name(), inRow, error);
            return;
        }
        hostDao.setHostStatus(h.id(), status);
        LOG.warn("host {} does not answer ({} failed check(s)): {} -> {}: {}", h.name(), inRow, h.status(), status,
                error);
        if (DISCONNECTED.equals(status)) {
            events.record(system, "HOST.DISCONNECT", "WARN", "Completed", "Host " + h.name() + " is Disconnected: "
                    + error, "Host", h.uuid());
        } else {
            events.record(system, "HOST.ALERT", "ERROR", "Completed", "Host " + h.name() + " is in Alert after "
                    + inRow + " failed checks: " + error, "Host", h.uuid());
        }
    }

    private void watch(Host h, HypervisorDriver driver) {
        // a host deleted while this check was under way has been unwatched: opening its watch again would leak it
        if (hostDao.host(h.id()).isEmpty()) {
            return;
        }
        try {
            driver.watch(h.ref(), powerSync::syncVm);
        } catch (RuntimeException e) {
            LOG.debug("host {}: no instance notifications: {}", h.name(), e.toString());
        }
    }

    private void countStatuses() {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Host h : hostDao.hosts(null, null, null, null, null, null)) {
            counts.merge(h.status(), 1L, Long::sum);
        }
        counts.keySet().forEach(this::gauge);
        byStatus.forEach((status, value) -> value.set(counts.getOrDefault(status, 0L)));
    }

    private AtomicLong gauge(String status) {
        return byStatus.computeIfAbsent(status, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("skyport.hosts", value, AtomicLong::get).tag("status", s)
                    .description("Hosts by status").register(metrics);
            return value;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pingers.shutdownNow();
    }
}
