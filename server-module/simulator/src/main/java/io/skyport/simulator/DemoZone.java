package io.skyport.simulator;

import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.Cluster;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.Pod;
import io.skyport.core.infra.Zone;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.StartupHook;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * On a fresh server (no zone yet) creates an advanced zone with security groups, simulator
 * hosts, offerings, OS types and osTypes, so every API can deploy with nothing installed.
 * Guest addresses come from 198.18.0.0/16 and public ones from 198.19.0.0/24 (benchmark ranges).
 */
public class DemoZone implements StartupHook {
    private static final Logger LOG = LogManager.getLogger(DemoZone.class);
    static final String ZONE = "Sandbox-simulator";

    private final ZoneDao zoneDao;
    private final InfraService infraService;
    private final CatalogService catalog;
    private final OsTypeDao osTypes;
    private final PublicIpDao publicIps;
    private final boolean enabled;

    public DemoZone(ZoneDao zoneDao, InfraService infraService, CatalogService catalog, OsTypeDao osTypes,
                    PublicIpDao publicIps, boolean enabled) {
        this.zoneDao = zoneDao;
        this.infraService = infraService;
        this.catalog = catalog;
        this.osTypes = osTypes;
        this.publicIps = publicIps;
        this.enabled = enabled;
    }

    @Override
    public void serverStarted() {
        if (!enabled || !zoneDao.zones(null, null, null).isEmpty()) {
            return;
        }
        CallContext admin = CallContext.system();
        Zone zone = infraService.createZone(admin, new InfraService.NewZone(ZONE, "Demo zone of simulated hosts",
                "198.18.255.253", null, "198.18.255.253", null, "198.18.0.0/16", "skyport.internal", true));
        Pod pod = infraService.createPod(admin, zone.id(), "POD0", "198.19.1.1", "255.255.255.0", "198.19.1.10",
                "198.19.1.250");
        Cluster cluster = infraService.addCluster(admin, pod.id(), "C0", SimulatorDriver.TYPE);
        for (int i = 1; i <= 4; i++) {
            infraService.addHost(admin, cluster.id(), "sim-host-" + i,
                    "sim://sim-host-" + i + "?cpus=128&speed=2400&memory=1048576");
        }
        catalog.createServiceOffering(admin, "Small Instance", "Small Instance, 1 vCPU 500 MHz, 512 MB", 1, 500, 512,
                false);
        catalog.createServiceOffering(admin, "Medium Instance", "Medium Instance, 1 vCPU 1 GHz, 1 GB", 1, 1000, 1024,
                false);
        catalog.createServiceOffering(admin, "Large Instance", "Large Instance, 2 vCPU 2 GHz, 4 GB", 2, 2000, 4096,
                false);
        catalog.createDiskOffering(admin, "Small", "Small Disk, 5 GB", 5, false);
        catalog.createDiskOffering(admin, "Medium", "Medium Disk, 20 GB", 20, false);
        catalog.createDiskOffering(admin, "Large", "Large Disk, 100 GB", 100, false);
        catalog.createDiskOffering(admin, "Custom", "Custom Disk", 0, true);
        long linux = osTypes.insertOsType(UUID.randomUUID().toString(), "Other Linux (64-bit)", "Other");
        long ubuntu = osTypes.insertOsType(UUID.randomUUID().toString(), "Ubuntu 24.04 LTS (64-bit)", "Ubuntu");
        osTypes.insertOsType(UUID.randomUUID().toString(), "Debian GNU/Linux 12 (64-bit)", "Debian");
        long gib = 1024L * 1024 * 1024;
        catalog.registerTemplate(admin, new TemplateDao.NewTemplate(UUID.randomUUID().toString(),
                "CentOS 5.6 (64-bit) no GUI (Simulator)", "CentOS 5.6 (64-bit) no GUI (Simulator)", admin.accountId(),
                null, linux, "VHD", SimulatorDriver.TYPE, "http://osTypes.invalid/centos56.vhd", null, true, true,
                false, 2 * gib));
        catalog.registerTemplate(admin, new TemplateDao.NewTemplate(UUID.randomUUID().toString(),
                "Ubuntu 24.04 (Simulator)", "Ubuntu 24.04 LTS (Simulator)", admin.accountId(), null, ubuntu, "QCOW2",
                SimulatorDriver.TYPE, "http://osTypes.invalid/ubuntu-24.04.qcow2", null, true, true, false, 3 * gib));
        publicIps.insertRange(zone.id(), "untagged", "198.19.0.1", "255.255.255.0", "198.19.0.10", "198.19.0.250");
        LOG.info("created demo zone {} with 4 simulator hosts, offerings and osTypes", ZONE);
    }
}
