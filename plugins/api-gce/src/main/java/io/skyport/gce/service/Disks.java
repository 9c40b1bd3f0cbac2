package io.skyport.gce.service;

import com.google.cloud.compute.v1.Disk;
import io.skyport.core.catalog.DiskOffering;
import io.skyport.core.catalog.DiskOfferingDao;
import io.skyport.core.event.EventDao;
import io.skyport.core.identity.Visibility;
import io.skyport.core.infra.Zone;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import io.skyport.core.volume.Volume;
import io.skyport.core.volume.VolumeDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.view.Times;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disks are the core's volumes of the caller's account, data and root volumes alike, named by
 * {@link Catalog#slug} of the volume's name (so {@code ROOT-12} is disk {@code root-12}, the
 * name an instance's boot disk shows as its source). A disk's device name on an instance is its
 * disk name. Every disk is shown as {@code pd-standard}: the core has one kind of volume.
 */
public class Disks {
    public static final String KIND = "disk";
    public static final String DISK_TYPE = "pd-standard";
    /** A disk's zone and name from {@code zones/z/disks/d}, a URL ending so, or a bare name. */
    private static final Pattern SOURCE = Pattern.compile("(?:.*/)?zones/([^/]+)/disks/([^/]+)");
    private static final long GIB = 1L << 30;

    private final VolumeDao volumes;
    private final DiskOfferingDao offerings;
    private final VmDao vms;
    private final Locations locations;
    private final GceIds ids;
    private final EventDao events;
    private final Descriptions descriptions;

    public Disks(VolumeDao volumes, DiskOfferingDao offerings, VmDao vms, Locations locations, GceIds ids,
                 EventDao events, Descriptions descriptions) {
        this.volumes = volumes;
        this.offerings = offerings;
        this.vms = vms;
        this.locations = locations;
        this.ids = ids;
        this.events = events;
        this.descriptions = descriptions;
    }

    public static String path(String zone, String name) {
        return "zones/" + zone + "/disks/" + name;
    }

    public static GceException notFound(GceCall call, String zone, String name) {
        return GceException.notFound("projects/" + call.project() + "/" + path(zone, name));
    }

    public static String name(Volume v) {
        return Catalog.slug(v.name());
    }

    private static Visibility own(GceCall call) {
        return new Visibility(call.ctx().domainPath(), call.accountId());
    }

    /**
     * The account's volumes, of one zone or (zoneId null) all; but the boot disks of destroyed
     * VMs, which go when their VM is expunged and whose instance is no longer shown.
     */
    public List<Volume> all(GceCall call, Long zoneId) {
        List<Volume> found = volumes.list(new VolumeDao.Query(own(call), null, null, null, zoneId, null, null), 0,
                Integer.MAX_VALUE);
        Map<Long, Boolean> gone = new HashMap<>();
        return found.stream().filter(v -> v.vmId() == null || !gone.computeIfAbsent(v.vmId(), id -> vms.find(id)
                .map(vm -> vm.state() == VmState.Destroyed || vm.state() == VmState.Expunging).orElse(true)))
                .toList();
    }

    public Optional<Volume> find(GceCall call, Zone zone, String name) {
        return all(call, zone.id()).stream().filter(v -> name(v).equals(name)).findFirst();
    }

    public Volume findOrThrow(GceCall call, Zone zone, String name) {
        return find(call, zone, name).orElseThrow(() -> notFound(call, Locations.zoneName(zone), name));
    }

    /** The disk a {@code source} (URL, {@code zones/z/disks/d} or a bare name in {@code zone}) names. */
    public Volume bySource(GceCall call, Zone zone, String source) {
        String zoneName = Locations.zoneName(zone);
        Matcher m = SOURCE.matcher(source);
        String name = source;
        if (m.matches()) {
            if (!m.group(1).equals(zoneName)) {
                throw GceException.invalid("resource.source", source, "The disk must be in the instance's zone "
                        + zoneName + ".");
            }
            name = m.group(2);
        } else if (source.contains("/")) {
            throw GceException.invalid("resource.source", source, "Give the disk as zones/<zone>/disks/<name> or its "
                    + "URL.");
        }
        return findOrThrow(call, zone, name);
    }

    public static String instancePath(String zone, Vm vm) {
        return "zones/" + zone + "/instances/" + vm.name();
    }

    /**
     * The offering a new disk of {@code sizeGb} is made from: one of exactly that size, else one
     * whose size the caller chooses.
     */
    public DiskOffering offering(long sizeGb) {
        List<DiskOffering> all = offerings.list(null, null, null);
        return all.stream().filter(o -> !o.customized() && o.diskSizeGb() == sizeGb).findFirst()
                .or(() -> all.stream().filter(DiskOffering::customized).findFirst())
                .orElseThrow(() -> GceException.invalid("resource.sizeGb", sizeGb, "No disk offering provides "
                        + sizeGb + " GB."));
    }

    public static GceException inUse(GceCall call, String zone, String name, String user) {
        return new GceException(GceError.RESOURCE_IN_USE, "The disk resource 'projects/" + call.project() + "/"
                + path(zone, name) + "' is already being used by '" + user + "'");
    }

    public List<Disk> views(GceCall call, Collection<Volume> all) {
        Map<Long, Vm> users = new HashMap<>();
        for (Volume v : all) {
            if (v.vmId() != null) {
                users.computeIfAbsent(v.vmId(), id -> vms.find(id).orElse(null));
            }
        }
        Map<String, Long> idOf = ids.ids(KIND, all.stream().map(Volume::uuid).toList(), call.accountId());
        // the core keeps no attach times on volumes; its events of the account's own attaches and detaches have them
        List<String> data = all.stream().filter(v -> !"ROOT".equals(v.volumeType())).map(Volume::uuid).toList();
        Map<String, java.time.Instant> attached = events.lastOf(call.accountId(), "Volume", data, "VOLUME.ATTACH");
        Map<String, java.time.Instant> detached = events.lastOf(call.accountId(), "Volume", data, "VOLUME.DETACH");
        Map<Long, String> zoneNames = new HashMap<>();
        Map<String, String> described = descriptions.of(all.stream().map(Volume::uuid).toList());
        List<Disk> out = new ArrayList<>();
        for (Volume v : all) {
            String zone = zoneNames.computeIfAbsent(v.zoneId(), locations::zoneName);
            Disk.Builder b = base(call, zone, name(v), idOf.get(v.uuid()), v.created())
                    .setSizeGb(Math.max(1, v.sizeBytes() / GIB))
                    .setStatus(Disk.Status.READY.name())
                    .setDescription(described.getOrDefault(v.uuid(), ""));
            Vm user = v.vmId() == null ? null : users.get(v.vmId());
            if (user != null) {
                b.addUsers(call.link(instancePath(zone, user)));
                if ("ROOT".equals(v.volumeType())) {
                    // the boot disk was attached when its instance was made
                    b.setLastAttachTimestamp(Times.rfc3339(user.created()));
                }
            }
            if (attached.containsKey(v.uuid())) {
                b.setLastAttachTimestamp(Times.rfc3339(attached.get(v.uuid())));
            }
            if (detached.containsKey(v.uuid())) {
                b.setLastDetachTimestamp(Times.rfc3339(detached.get(v.uuid())));
            }
            out.add(b.build());
        }
        return out;
    }

    public Disk view(GceCall call, Volume v) {
        return views(call, List.of(v)).get(0);
    }

    /** A disk whose insert has not run yet: only what the operation knows of it. */
    public Disk creating(GceCall call, String zone, Operations.PendingInsert p) {
        String name = p.targetPath().substring(p.targetPath().lastIndexOf('/') + 1);
        return base(call, zone, name, p.targetId(), p.created()).setStatus(Disk.Status.CREATING.name()).build();
    }

    /** Disks being created in the zone, by name. */
    public Map<String, Disk> creating(GceCall call, String zone, List<Operations.PendingInsert> pending) {
        Map<String, Disk> out = new java.util.LinkedHashMap<>();
        for (Operations.PendingInsert p : pending) {
            if (p.targetPath().startsWith("zones/" + zone + "/disks/")) {
                Disk d = creating(call, zone, p);
                out.putIfAbsent(d.getName(), d);
            }
        }
        return out;
    }

    /** Keeps the description a disk was created with (inside the create's transaction). */
    public void describe(Volume v, String description) {
        descriptions.set(v.uuid(), description);
    }

    /** Forgets what was kept beside a deleted disk. */
    public void forget(Volume v) {
        descriptions.forget(v.uuid());
    }

    private static Disk.Builder base(GceCall call, String zone, String name, long id, java.time.Instant created) {
        return Disk.newBuilder()
                .setKind("compute#disk")
                .setId(id)
                .setCreationTimestamp(Times.rfc3339(created))
                .setName(name)
                .setZone(call.zoneLink(zone))
                .setType(call.zoneLink(zone, "diskTypes", DISK_TYPE))
                .setPhysicalBlockSizeBytes(4096)
                .setSelfLink(call.zoneLink(zone, "disks", name));
    }
}
