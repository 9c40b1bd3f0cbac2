package io.skyport.ec2.service;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmProvisioner;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.CallContext;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * EC2 resource ids as taggable core resources. An instance's {@code Name} tag is not a stored
 * tag but the VM's display name (and its host name when valid), so every API sees one name.
 */
@Component
public class TaggedResources {
    /** A core resource to tag: the core's resource type and uuid, and the EC2 type name. */
    public record Target(String id, Kind kind, String coreType, String uuid, String ec2Type) {
    }

    /** EC2 kinds that carry tags, with the core resource type and the EC2 resource type of each. */
    private static final Map<Kind, String[]> TYPES = Map.of(
            Kind.INSTANCE, new String[] {"UserVm", "instance"},
            Kind.VOLUME, new String[] {"Volume", "volume"},
            Kind.SECURITY_GROUP, new String[] {"SecurityGroup", "security-group"},
            Kind.IMAGE, new String[] {"Template", "image"},
            Kind.ALLOCATION, new String[] {"PublicIpAddress", "elastic-ip"});

    private final Ec2Ids ids;
    private final VmDao vms;
    private final VmOperations ops;

    public TaggedResources(Ec2Ids ids, VmDao vms, VmOperations ops) {
        this.ids = ids;
        this.vms = vms;
        this.ops = ops;
    }

    public Target resolve(CallContext ctx, String resourceId) {
        int dash = resourceId == null ? -1 : resourceId.indexOf('-');
        String prefix = dash < 0 ? "" : resourceId.substring(0, dash);
        for (Map.Entry<Kind, String[]> e : TYPES.entrySet()) {
            if (e.getKey().prefix().equals(prefix)) {
                String uuid = ids.resolve(e.getKey(), resourceId, ctx, "ResourceId");
                return new Target(resourceId, e.getKey(), e.getValue()[0], uuid, e.getValue()[1]);
            }
        }
        throw new Ec2Exception(Ec2Error.INVALID_ID, "The ID '" + resourceId + "' is not valid");
    }

    /** The EC2 resource type of a core resource type, or null when EC2 does not show it. */
    public static String ec2Type(String coreType) {
        for (Map.Entry<Kind, String[]> e : TYPES.entrySet()) {
            if (e.getValue()[0].equals(coreType)) {
                return e.getValue()[1];
            }
        }
        return null;
    }

    public static Kind kindOf(String coreType) {
        for (Map.Entry<Kind, String[]> e : TYPES.entrySet()) {
            if (e.getValue()[0].equals(coreType)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Names an instance: its display name, and its host name too when the name can be one. */
    public void rename(CallContext ctx, Target t, String name) {
        Vm vm = vms.findByUuid(t.uuid()).orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_INSTANCE_ID_NOT_FOUND,
                Ec2Ids.notFoundMessage(Kind.INSTANCE, t.id())));
        ops.update(ctx, vm.id(), name, VmProvisioner.validHostName(name) ? name : null, null);
    }

    /** Removes an instance's name: it shows no Name tag any more. */
    public void unname(CallContext ctx, Target t) {
        rename(ctx, t, t.id());
    }
}
