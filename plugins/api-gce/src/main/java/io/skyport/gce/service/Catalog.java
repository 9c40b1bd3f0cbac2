package io.skyport.gce.service;

import com.google.cloud.compute.v1.Image;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.Network;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.view.Times;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What instances are made of, as GCE shows it: service offerings are machine types (named by
 * their name in lowercase, {@code Small Instance} is {@code small-instance}), templates the caller
 * may use are images of the caller's project, and each zone's default guest network is the
 * project's network {@code default}.
 */
public class Catalog {
    public static final String DEFAULT_NETWORK = "default";
    /** GCE's predefined shapes clients may ask for: {@code n1-standard-2} is 2 vCPUs with 3.75 GB each. */
    private static final Pattern PREDEFINED = Pattern.compile("(n1|n2|e2)-(standard|highmem|highcpu)-(\\d{1,2})");

    private final ServiceOfferingDao offerings;
    private final TemplateDao templates;
    private final NetworkDao networks;
    private final GceIds ids;

    public Catalog(ServiceOfferingDao offerings, TemplateDao templates, NetworkDao networks, GceIds ids) {
        this.offerings = offerings;
        this.templates = templates;
        this.networks = networks;
        this.ids = ids;
    }

    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.matches("[a-z].*") ? s : "x-" + s;
    }

    public List<ServiceOffering> offerings() {
        return offerings.list(null, null, null);
    }

    /**
     * The offering a machine type name (or URL) names: an offering's own name, or a predefined
     * GCE shape, answered by the smallest offering with at least its vCPUs and memory.
     */
    public Optional<ServiceOffering> offering(String machineType) {
        String name = machineType.substring(machineType.lastIndexOf('/') + 1);
        Optional<ServiceOffering> own = offerings().stream().filter(o -> slug(o.name()).equals(name)).findFirst();
        if (own.isPresent()) {
            return own;
        }
        Matcher m = PREDEFINED.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int cpus = Integer.parseInt(m.group(3));
        double perCpuGb = switch (m.group(2)) {
            case "highmem" -> 6.5;
            case "highcpu" -> 0.9;
            default -> 3.75;
        };
        int memoryMb = (int) Math.round(cpus * perCpuGb * 1024);
        return offerings().stream().filter(o -> o.cpus() >= cpus && o.memoryMb() >= memoryMb)
                .min((a, b) -> a.cpus() != b.cpus() ? Integer.compare(a.cpus(), b.cpus())
                        : Integer.compare(a.memoryMb(), b.memoryMb()));
    }

    public MachineType machineType(GceCall call, ServiceOffering o, String zone) {
        return MachineType.newBuilder()
                .setKind("compute#machineType")
                .setId(ids.id("machineType", o.uuid(), 1))
                .setCreationTimestamp(Times.rfc3339(o.created()))
                .setName(slug(o.name()))
                .setDescription(o.displayText() == null ? o.name() : o.displayText())
                .setGuestCpus(o.cpus())
                .setMemoryMb(o.memoryMb())
                .setImageSpaceGb(10)
                .setMaximumPersistentDisks(16)
                .setMaximumPersistentDisksSizeGb(65536)
                .setIsSharedCpu(false)
                .setZone(zone)
                .setSelfLink(call.zoneLink(zone, "machineTypes", slug(o.name())))
                .build();
    }

    /** Templates the caller may launch: public ones and the account's own. */
    public List<Template> images(GceCall call) {
        return templates.list(call.accountId(), false, "executable", null, null, null, null, null).stream()
                .filter(t -> t.isPublic() || t.accountId() == call.accountId()).toList();
    }

    /** The template an image name or URL ({@code projects/p/global/images/x}, {@code global/images/x}) names. */
    public Optional<Template> image(GceCall call, String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        if (image.contains("/family/")) {
            return images(call).stream().filter(t -> family(t).equals(name)).findFirst();
        }
        return images(call).stream().filter(t -> slug(t.name()).equals(name)).findFirst();
    }

    /** An image's family: its name without a trailing version ({@code centos-5-6} → {@code centos-5}). */
    public static String family(Template t) {
        return slug(t.name()).replaceAll("-[0-9]+$", "");
    }

    public Image image(GceCall call, Template t) {
        return Image.newBuilder()
                .setKind("compute#image")
                .setId(ids.id("image", t.uuid(), t.accountId()))
                .setCreationTimestamp(Times.rfc3339(t.created()))
                .setName(slug(t.name()))
                .setDescription(t.displayText() == null ? "" : t.displayText())
                .setFamily(family(t))
                .setSourceType("RAW")
                .setStatus("Ready".equalsIgnoreCase(t.state()) || t.state() == null ? "READY" : "PENDING")
                .setArchiveSizeBytes(t.sizeBytes())
                .setDiskSizeGb(Math.max(1, (t.sizeBytes() + (1L << 30) - 1) >> 30))
                .setArchitecture("X86_64")
                .setSelfLink(call.globalLink("images", slug(t.name())))
                .build();
    }

    public GceException imageNotFound(GceCall call, String image) {
        return GceException.notFound(image.contains("/") ? image : "projects/" + call.project() + "/global/images/"
                + image);
    }

    public Network network(GceCall call) {
        io.skyport.core.network.Network n = networks.list(null, null, null, null).stream()
                .filter(io.skyport.core.network.Network::isDefault).findFirst()
                .orElseThrow(() -> GceException.notFound("projects/" + call.project() + "/global/networks/default"));
        return Network.newBuilder()
                .setKind("compute#network")
                .setId(ids.id("network", n.uuid(), 1))
                .setCreationTimestamp(Times.rfc3339(n.created()))
                .setName(DEFAULT_NETWORK)
                .setDescription("Default network for the project")
                .setAutoCreateSubnetworks(false)
                .setIPv4Range(n.cidr() == null ? "" : n.cidr())
                .setGatewayIPv4(n.gateway() == null ? "" : n.gateway())
                .setSelfLink(call.globalLink("networks", DEFAULT_NETWORK))
                .build();
    }
}
