package io.skyport.api.view;

/**
 * Resource limits, totals and availability as CloudStack prints them on accounts and domains.
 * Limits follow CloudStack's defaults for user accounts ("Unlimited" for administrators).
 */
@SuppressWarnings("unused")
public abstract class ResourceCountersView {
    /** Usage counters, as the resource services report them. */
    public record Usage(long vms, long vmsRunning, long cpus, long memoryMb, long ips, long networks,
                        long primaryStorageGb, long volumes, long templates, long snapshots) {
        public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    protected final String vmlimit;
    protected final String vmavailable;
    protected final long vmtotal;
    protected final String cpulimit;
    protected final String cpuavailable;
    protected final long cputotal;
    protected final String memorylimit;
    protected final String memoryavailable;
    protected final long memorytotal;
    protected final String iplimit;
    protected final String ipavailable;
    protected final long iptotal;
    protected final String networklimit;
    protected final String networkavailable;
    protected final long networktotal;
    protected final String primarystoragelimit;
    protected final String primarystorageavailable;
    protected final long primarystoragetotal;
    protected final String secondarystoragelimit;
    protected final String secondarystorageavailable;
    protected final double secondarystoragetotal;
    protected final String projectlimit;
    protected final String projectavailable;
    protected final long projecttotal;
    protected final String snapshotlimit;
    protected final String snapshotavailable;
    protected final long snapshottotal;
    protected final String templatelimit;
    protected final String templateavailable;
    protected final long templatetotal;
    protected final String volumelimit;
    protected final String volumeavailable;
    protected final long volumetotal;
    protected final String vpclimit;
    protected final String vpcavailable;
    protected final long vpctotal;

    protected ResourceCountersView(boolean unlimited, Usage u) {
        vmlimit = limit(unlimited, 20);
        vmavailable = available(unlimited, 20, u.vms());
        vmtotal = u.vms();
        cpulimit = limit(unlimited, 40);
        cpuavailable = available(unlimited, 40, u.cpus());
        cputotal = u.cpus();
        memorylimit = limit(unlimited, 40960);
        memoryavailable = available(unlimited, 40960, u.memoryMb());
        memorytotal = u.memoryMb();
        iplimit = limit(unlimited, 20);
        ipavailable = available(unlimited, 20, u.ips());
        iptotal = u.ips();
        networklimit = limit(unlimited, 20);
        networkavailable = available(unlimited, 20, u.networks());
        networktotal = u.networks();
        primarystoragelimit = limit(unlimited, 200);
        primarystorageavailable = available(unlimited, 200, u.primaryStorageGb());
        primarystoragetotal = u.primaryStorageGb();
        secondarystoragelimit = limit(unlimited, 400);
        secondarystorageavailable = unlimited ? "Unlimited" : "400.0";
        secondarystoragetotal = 0.0;
        projectlimit = limit(unlimited, 10);
        projectavailable = available(unlimited, 10, 0);
        projecttotal = 0;
        snapshotlimit = limit(unlimited, 20);
        snapshotavailable = available(unlimited, 20, u.snapshots());
        snapshottotal = u.snapshots();
        templatelimit = limit(unlimited, 20);
        templateavailable = available(unlimited, 20, u.templates());
        templatetotal = u.templates();
        volumelimit = limit(unlimited, 20);
        volumeavailable = available(unlimited, 20, u.volumes());
        volumetotal = u.volumes();
        vpclimit = limit(unlimited, 20);
        vpcavailable = available(unlimited, 20, 0);
        vpctotal = 0;
    }

    private static String limit(boolean unlimited, long max) {
        return unlimited ? "Unlimited" : Long.toString(max);
    }

    private static String available(boolean unlimited, long max, long used) {
        return unlimited ? "Unlimited" : Long.toString(Math.max(0, max - used));
    }
}
