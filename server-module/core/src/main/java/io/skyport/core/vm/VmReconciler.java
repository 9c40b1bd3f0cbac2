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
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skyport-expunger");
        t.setDaemon(true);
        return t;
    });

    public VmReconciler(VmDao vms, HostDao hostDao, VmOperations ops, ResourceCounter counter, JobService jobs,
                        SettingService settings, PowerStateSync powerSync, HostMonitor hostMonitor) {
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
     * counters from the rows. Returns how many VMs were settled.
     */
    public int reconcile() {
        int settled = settleOrphans();
        for (Host h : hostDao.hosts(null, null, null, null, null, null)) {
            hostDao.recomputeUsage(h.id());
        }
        counter.recomputeAll();
        return settled;
    }

    /** Settles VMs left in a transitional state with no pending job; returns how many. */
    int settleOrphans() {
        CallContext system = CallContext.system();
        int settled = 0;
        for (Vm vm : vms.orphanedIn(List.of(VmState.Starting, VmState.Stopping, VmState.Expunging))) {
            PowerState seen = ops.observed(vm).orElse(PowerState.MISSING);
            VmState target = vm.state() == VmState.Expunging ? VmState.Expunging
                    : seen == PowerState.RUNNING ? VmState.Running : VmState.Stopped;
            LOG.warn("reconciling VM {} left in {}: host reports {}, now {}", vm.uuid(), vm.state(), seen, target);
            if (target == VmState.Expunging) {
                ops.expunge(system, vm.id());
            } else {
                vms.transition(vm.id(), vm.state(), target, target == VmState.Running ? vm.hostId() : null);
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
        timer.scheduleWithFixedDelay(() -> takeOverDeadPeers(node), 15, 15, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::syncPowerStates, POWER_SYNC_SECONDS, POWER_SYNC_SECONDS, TimeUnit.SECONDS);
        hostMonitor.start();
    }

    void syncPowerStates() {
        try {
            powerSync.syncAll();
        } catch (RuntimeException e) {
            LOG.warn("power state sync failed: {}", e.toString());
        }
    }

    void takeOverDeadPeers(ManagementNode node) {
        try {
            int failed = 0;
            for (long dead : node.deadPeers()) {
                failed += jobs.recoverJobsOf(dead, "The management server running the job stopped responding").size();
            }
            if (failed > 0) {
                LOG.warn("took over {} job(s) of dead management servers; settled {} VM(s)", failed, settleOrphans());
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
