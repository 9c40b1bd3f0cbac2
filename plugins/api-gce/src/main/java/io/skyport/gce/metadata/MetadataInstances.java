package io.skyport.gce.metadata;

import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.NetworkInterface;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.vm.MetadataCallerVm;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.ProjectMetadata;
import io.skyport.gce.service.Projects;
import io.skyport.gce.metadata.MetadataTree.Dir;
import io.skyport.gce.metadata.MetadataTree.Node;
import io.skyport.gce.metadata.MetadataTree.Value;
import io.skyport.plugin.MetadataCaller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata tree of one instance, built from the view {@code instances.get} gives its owner
 * (name, id, zone, machine type, metadata items, network interfaces, tags), so the metadata
 * server always says what the API says; the MAC comes from the instance's NIC. The project's
 * attributes are its commonInstanceMetadata.
 */
public class MetadataInstances {
    private final VmDao vms;
    private final AccountDao accounts;
    private final DomainDao domains;
    private final InstanceViews views;
    private final Projects projects;
    private final GceIds ids;
    private final NicDao nics;
    private final ProjectMetadata projectMetadata;

    public MetadataInstances(VmDao vms, AccountDao accounts, DomainDao domains, InstanceViews views, Projects projects,
                             GceIds ids, NicDao nics, ProjectMetadata projectMetadata) {
        this.projectMetadata = projectMetadata;
        this.vms = vms;
        this.accounts = accounts;
        this.domains = domains;
        this.views = views;
        this.projects = projects;
        this.ids = ids;
        this.nics = nics;
    }

    /** The {@code v1/} directory as the caller sees it now; empty when its VM is gone. */
    public Optional<Dir> tree(MetadataCaller caller) {
        Optional<MetadataCallerVm> found = MetadataCallerVm.of(caller, vms, accounts, domains);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Vm vm = found.get().vm();
        Account a = found.get().account();
        String project = projects.projectOf(a);
        // links relative to the API root: "projects/<p>/zones/<z>/…", of which the metadata server shows the tails
        Instance i = views.view(new GceCall(found.get().owner(), project, ""), vm);
        long projectNumber = ids.projectNumber(a);
        String zone = tail(i.getZone());
        List<Nic> vmNics = nics.nicsOf(List.of(vm.id()));
        return Optional.of(root(new Facts(i, project, projectNumber, zone, vmNics, projectMetadata.items(a.id()))));
    }

    /** What the tree is made of, so it can be built without a database. */
    record Facts(Instance instance, String project, long projectNumber, String zone, List<Nic> nics,
                 Map<String, String> projectItems) {
    }

    static Dir root(Facts f) {
        Instance i = f.instance();
        String projectPath = "projects/" + f.projectNumber();
        Map<String, String> items = new LinkedHashMap<>();
        for (Items item : i.getMetadata().getItemsList()) {
            items.put(item.getKey(), item.getValue());
        }
        Map<String, Node> instance = new LinkedHashMap<>();
        instance.put("attributes", Dir.attributes(items));
        instance.put("cpu-platform", Value.of(i.getCpuPlatform()));
        instance.put("description", Value.of(i.getDescription()));
        instance.put("hostname", Value.of(i.getName() + "." + f.zone() + ".c." + f.project() + ".internal"));
        instance.put("id", Value.of(i.getId()));
        instance.put("machine-type", Value.of(projectPath + "/machineTypes/" + tail(i.getMachineType())));
        instance.put("name", Value.of(i.getName()));
        instance.put("network-interfaces", Dir.numbered(interfaces(i, f.nics(), projectPath)));
        instance.put("tags", Value.list(i.getTags().getItemsList()));
        instance.put("zone", Value.of(projectPath + "/zones/" + f.zone()));
        Map<String, Node> project = new LinkedHashMap<>();
        project.put("attributes", Dir.attributes(f.projectItems()));
        project.put("numeric-project-id", Value.of(f.projectNumber()));
        project.put("project-id", Value.of(f.project()));
        Map<String, Node> root = new LinkedHashMap<>();
        root.put("instance", Dir.of(instance));
        root.put("project", Dir.of(project));
        return Dir.of(root);
    }

    private static List<Node> interfaces(Instance i, List<Nic> nics, String projectPath) {
        List<Node> out = new ArrayList<>();
        for (int n = 0; n < i.getNetworkInterfacesCount(); n++) {
            NetworkInterface ni = i.getNetworkInterfaces(n);
            Map<String, Node> m = new LinkedHashMap<>();
            List<Node> access = new ArrayList<>();
            ni.getAccessConfigsList().forEach(ac -> {
                Map<String, Node> config = new LinkedHashMap<>();
                config.put("external-ip", Value.of(ac.getNatIP()));
                config.put("type", Value.of(ac.getType()));
                access.add(Dir.of(config));
            });
            m.put("access-configs", Dir.numbered(access));
            m.put("ip", Value.of(ni.getNetworkIP()));
            m.put("mac", Value.of(n < nics.size() ? nics.get(n).macAddress() : ""));
            m.put("network", Value.of(projectPath + "/networks/" + Catalog.DEFAULT_NETWORK));
            out.add(Dir.of(m));
        }
        return out;
    }

    private static String tail(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
