package io.skyport.core.vm;

import io.skyport.core.cluster.ManagementNode;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.HostMonitor;
import io.skyport.core.job.JobService;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.HypervisorDriver.PowerState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Keeps the database and the hypervisors in step. At start-up (after the jobs of a dead node
 * were failed) it settles every VM left in a transitional state by asking its host, recomputes
 * host reservations and account counters from the rows; in the background it expunges VMs
 * destroyed longer ago than {@code expunge.delay} and lets {@link PowerStateSync} catch VMs
 * stopped outside Skyport.
 */
@Component
public class VmReconciler implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(VmReconciler.class);
    /** How often hosts are asked which VMs really run: often enough for a UI, rare enough for big hosts. */
    static final long POWER_SYNC_SECONDS = 30;

    private final VmDao vms;
    private final HostDao hostDao;
    private final VmOperations ops;
    private final ResourceCounter counter;
    private final JobService jobs;
    private final SettingService settings;
    private final PowerStateSync powerSync;
    private final HostMonitor hostMonitor;
    private final ManagementNode node;
    private volatile boolean wasReady = true;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skyport-expunger");
        t.setDaemon(true);
        return t;
    });

    public VmReconciler(VmDao vms, HostDao hostDao, VmOperations ops, ResourceCounter counter, JobService jobs,
                        SettingService settings, PowerStateSync powerSync, HostMonitor hostMonitor,
                        ManagementNode node) {
        this.node = node;
        this.powerSync = powerSync;
        this.hostMonitor = hostMonitor;
        this.vms = vms;
        this.hostDao = hostDao;
        this.ops = ops;
        this.counter = counter;
        this.jobs = jobs;
        this.settings = settings;
    }

    /**
     * Start-up reconciliation: settles orphaned VMs, then rebuilds host reservations and account
     * counters from the rows. Returns how many VMs were settled. With other nodes up the full
     * rebuild is skipped (it would race their jobs' reservations): settling already corrected the
     * hosts it touched, and counters only change with committed rows.
     */
    public int reconcile() {
        // at start-up this node's own jobs were just failed: whatever is still transitional is orphaned now
        int settled = settleOrphans(null);
        if (node.livePeers() > 0) {
            LOG.info("other management servers are up: counters are left to them, {} VM(s) settled", settled);
            return settled;
        }
        for (Host h : hostDao.hosts(null, null, null, null, null, null)) {
            hostDao.recomputeUsage(h.id());
        }
        counter.recomputeAll();
        return settled;
    }

    /**
     * Settles VMs left in a transitional state with no pending job; returns how many. Only VMs on
     * hosts this node holds the lease of (or on no host): two nodes never settle one VM at once.
     * With {@code changedBefore}, only VMs in their state since before then.
     */
    int settleOrphans(Instant changedBefore) {
        CallContext system = CallContext.system();
        int settled = 0;
        for (Vm vm : vms.orphanedIn(List.of(VmState.Starting, VmState.Stopping, VmState.Expunging), changedBefore)) {
            Long hostId = vm.hostId() != null ? vm.hostId() : vm.lastHostId();
            if (hostId != null && !node.owns(hostId)) {
                continue;
            }
            PowerState seen = ops.observed(vm).orElse(PowerState.MISSING);
            VmState target = vm.state() == VmState.Expunging ? VmState.Expunging
                    : seen == PowerState.RUNNING ? VmState.Running : VmState.Stopped;
            LOG.warn("reconciling VM {} left in {}: host reports {}, now {}", vm.uuid(), vm.state(), seen, target);
            if (target == VmState.Expunging) {
                // an interrupted expunge is resumed: removing from the host and the rows is idempotent
                ops.expunge(system, vm.id());
            } else if (vms.transition(vm.id(), vm.state(), target, target == VmState.Running ? vm.hostId() : null)
                    && vm.hostId() != null) {
                // a VM settled to Stopped gives its host reservation back
                hostDao.recomputeUsage(vm.hostId());
            }
            settled++;
        }
        return settled;
    }

    /**
     * Background duties: expunge due VMs, take over the jobs of management servers that died,
     * catch VMs changed on their hosts, check the hosts' health.
     */
    public void startBackgroundWork(ManagementNode node) {
        timer.scheduleWithFixedDelay(this::expungeDue, 10, 10, TimeUnit.SECONDS);
        long scan = node.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(() -> takeOverDeadPeers(node), scan, scan, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::syncPowerStates, POWER_SYNC_SECONDS, POWER_SYNC_SECONDS, TimeUnit.SECONDS);
        hostMonitor.start();
    }

    void syncPowerStates() {
        try {
            if (node.ready()) {
                powerSync.syncAll();
            }
        } catch (RuntimeException e) {
            LOG.warn("power state sync failed: {}", e.toString());
        }
    }

    /**
     * One takeover pass, every heartbeat: jobs whose lease ran out are claimed and failed, then
     * VMs left in a transitional state with no pending job on this node's hosts are settled (those
     * of the failed jobs, of a host just taken over, of jobs that failed while the database was
     * away). A job is thus finished at most one lease plus one heartbeat after its owner's last
     * beat, and its VM settled by the next pass after its host's lease moved here.
     */
    void takeOverDeadPeers(ManagementNode node) {
        try {
            boolean ready = node.ready();
            boolean recovered = ready && !wasReady;
            wasReady = ready;
            if (!ready) {
                return;
            }
            int failed = jobs.takeOverExpired().size();
            for (long dead : node.deadPeers()) {
                failed += jobs.recoverJobsOf(dead, "The management server running the job stopped responding").size();
            }
            // a VM a running operation moved within the last lease is left alone: only one no job has touched
            // for that long is orphaned (its job's owner, had it lived, would have renewed the job's lease)
            int settled = settleOrphans(Instant.now().minus(node.lease()));
            if (failed > 0 || settled > 0 || recovered) {
                LOG.warn("took over {} job(s) of management servers that stopped; settled {} VM(s)", failed, settled);
            }
        } catch (RuntimeException e) {
            LOG.warn("dead peer scan failed: {}", e.toString());
        }
    }

    void expungeDue() {
        try {
            Instant cutoff = Instant.now().minusSeconds(settings.get(CoreSettings.EXPUNGE_DELAY));
            for (Vm vm : vms.destroyedBefore(cutoff, 100)) {
                // claim the VM first, so the next pass does not queue it again
                if (!vms.transition(vm.id(), VmState.Destroyed, VmState.Expunging, null)) {
                    continue;
                }
                jobs.submit(CallContext.system(), "expungeVirtualMachine", "VirtualMachine", vm.uuid(),
                        "VirtualMachine:" + vm.uuid(), job -> {
                            ops.expunge(CallContext.system(), vm.id());
                            return null;
                        });
            }
        } catch (RuntimeException e) {
            LOG.warn("expunge pass failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        hostMonitor.close();
    }
}
