package io.skyport.core.tag;

import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.publicip.PublicIpDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.vm.VmDao;
import io.skyport.core.volume.VolumeDao;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The account owning a taggable resource. A tag belongs to the resource's owner, not to whoever
 * created it, so an administrator's tag on a tenant VM shows in the tenant's listTags.
 */
@Component
public class TagOwners {
    private final VmDao vms;
    private final VolumeDao volumes;
    private final SecurityGroupDao groups;
    private final PublicIpDao ips;
    private final TemplateDao templates;

    public TagOwners(VmDao vms, VolumeDao volumes, SecurityGroupDao groups, PublicIpDao ips, TemplateDao templates) {
        this.vms = vms;
        this.volumes = volumes;
        this.groups = groups;
        this.ips = ips;
        this.templates = templates;
    }

    /** Empty when the resource is gone (or, for an address, no longer allocated). */
    public Optional<Long> ownerOf(String type, long id) {
        switch (type) {
            case "UserVm":
                return vms.find(id).map(v -> v.accountId());
            case "Volume":
                return volumes.find(id).map(v -> v.accountId());
            case "SecurityGroup":
                return groups.find(id).map(g -> g.accountId());
            case "PublicIpAddress":
                return ips.find(id).map(ip -> ip.accountId());
            case "Template":
                return templates.find(id).map(t -> t.accountId());
            default:
                return Optional.empty();
        }
    }
}
