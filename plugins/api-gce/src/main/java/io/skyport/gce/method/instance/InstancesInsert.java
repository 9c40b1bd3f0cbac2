package io.skyport.gce.method.instance;

import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.protobuf.Message;
import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.Template;
import io.skyport.core.infra.Zone;
import io.skyport.core.tag.TagService;
import io.skyport.core.vm.DeployRequest;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmProvisioner;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.service.Descriptions;
import io.skyport.gce.service.FirewallTargets;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.InstanceViews;
import io.skyport.gce.service.Instances;
import io.skyport.gce.service.Locations;
import io.skyport.gce.service.SshKeyItems;
import io.skyport.plugin.ApiCommand;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a VM from the instance resource: machine type → service offering, the boot disk's
 * source image → template, metadata → the VM's user data and SSH keys, labels → resource tags.
 * The VM row, its metadata and the start job commit together; the Operation tracks the start.
 */
@ApiCommand(name = "compute.instances.insert", api = "gce", description = "Creates an instance and starts it.")
public class InstancesInsert extends GceOperation<InsertInstanceRequest> {
    static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Locations locations;
    private final Catalog catalog;
    private final Instances instances;
    private final InstanceMetadata metadata;
    private final SshKeyItems sshKeys;
    private final VmProvisioner provisioner;
    private final VmOperations ops;
    private final TagService tags;
    private final TransactionTemplate tx;
    private final FirewallTargets targets;
    private final Descriptions descriptions;

    public InstancesInsert(Locations locations, Catalog catalog, Instances instances, InstanceMetadata metadata,
                           SshKeyItems sshKeys, VmProvisioner provisioner, VmOperations ops, TagService tags,
                           TransactionTemplate tx, FirewallTargets targets, Descriptions descriptions) {
        super(InsertInstanceRequest.getDefaultInstance());
        this.locations = locations;
        this.catalog = catalog;
        this.instances = instances;
        this.metadata = metadata;
        this.sshKeys = sshKeys;
        this.provisioner = provisioner;
        this.ops = ops;
        this.tags = tags;
        this.tx = tx;
        this.targets = targets;
        this.descriptions = descriptions;
    }

    @Override
    protected Message run(InsertInstanceRequest r, GceCall call) {
        Instance in = r.getInstanceResource();
        Zone zone = locations.zoneOrThrow(call.project(), r.getZone());
        if (!in.hasName()) {
            throw GceException.required("resource.name");
        }
        if (!NAME.matcher(in.getName()).matches()) {
            throw GceException.invalid("resource.name", in.getName(), "Must be a match of regex '(?:[a-z](?:[-a-z0-9]"
                    + "{0,61}[a-z0-9])?)'");
        }
        if (!in.hasMachineType()) {
            throw GceException.required("resource.machineType");
        }
        ServiceOffering offering = catalog.offering(in.getMachineType()).orElseThrow(() -> GceException.invalid(
                "resource.machineType", in.getMachineType(), "Machine type with name '" + last(in.getMachineType())
                        + "' does not exist in zone '" + r.getZone() + "'."));
        Template template = template(call, in);
        Map<String, String> items = InstanceMetadata.checkedItems(in.getMetadata());
        String userData = Metadata.userData(items);
        List<String> networkTags = in.getTags().getItemsList();
        Map<String, String> labels = Labels.check(in.getLabelsMap());
        Descriptions.check(in.getDescription());
        if (instances.exists(call, zone, in.getName())) {
            throw GceException.alreadyExists("projects/" + call.project() + "/zones/" + r.getZone() + "/instances/"
                    + in.getName());
        }
        return tx.execute(status -> {
            List<String> keys = sshKeys.register(call, items.get(InstanceMetadata.SSH_KEYS));
            Vm vm = provisioner.create(call.ctx(), new DeployRequest(call.accountId(), zone.id(), offering.id(),
                    template.id(), in.getName(), in.getName(), userData, keys, null, null, null, true, null));
            metadata.save(vm.uuid(), items, networkTags);
            descriptions.set(vm.uuid(), in.getDescription());
            targets.sync(call.ctx(), call.accountId());
            if (!labels.isEmpty()) {
                tags.create(call.ctx(), InstanceViews.TAG_TYPE, List.of(vm.uuid()), labels);
            }
            Operation op = instances.submit(call, "compute.instances.insert", vm, id -> {
                try {
                    return ops.start(call.ctx(), id, null);
                } catch (RuntimeException e) {
                    ops.discardFailedDeploy(call.ctx(), id, e.getMessage());
                    throw e;
                }
            });
            return op;
        });
    }

    private Template template(GceCall call, Instance in) {
        AttachedDisk boot = in.getDisksList().stream().filter(AttachedDisk::getBoot).findFirst()
                .orElse(in.getDisksCount() > 0 ? in.getDisks(0) : null);
        if (boot == null) {
            throw GceException.required("resource.disks");
        }
        if (!boot.hasInitializeParams() || !boot.getInitializeParams().hasSourceImage()) {
            throw new GceException(GceError.INVALID, "Invalid value for field 'resource.disks[0]': the boot disk must "
                    + "be created from an image (initializeParams.sourceImage); attaching an existing disk as boot disk "
                    + "is not supported.");
        }
        String image = boot.getInitializeParams().getSourceImage();
        return catalog.image(call, image).orElseThrow(() -> new GceException(GceError.NOT_FOUND, "The resource '"
                + (image.startsWith("projects/") || image.contains("://") ? image : "projects/" + call.project() + "/"
                + image) + "' was not found"));
    }

    private static String last(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
