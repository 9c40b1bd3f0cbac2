package io.skyport.gce.method.firewall;

import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.Operation;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.service.Firewalls;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.Operations;

/** What patch and update share: the firewall they change becomes a new spec, applied in one job. */
final class FirewallChanges {
    private FirewallChanges() {
    }

    /** A patch body over the current firewall: the fields it gives replace the current ones. */
    static Firewall merge(Firewall current, Firewall patch) {
        Firewall.Builder b = current.toBuilder();
        if (patch.getAllowedCount() > 0) {
            b.clearAllowed().addAllAllowed(patch.getAllowedList());
        }
        b.addAllDenied(patch.getDeniedList()).addAllSourceTags(patch.getSourceTagsList())
                .addAllSourceServiceAccounts(patch.getSourceServiceAccountsList())
                .addAllTargetServiceAccounts(patch.getTargetServiceAccountsList());
        if (patch.getSourceRangesCount() > 0) {
            b.clearSourceRanges().addAllSourceRanges(patch.getSourceRangesList());
        }
        if (patch.getDestinationRangesCount() > 0) {
            b.clearDestinationRanges().addAllDestinationRanges(patch.getDestinationRangesList());
        }
        if (patch.getTargetTagsCount() > 0) {
            b.clearTargetTags().addAllTargetTags(patch.getTargetTagsList());
        }
        if (patch.hasDescription()) {
            b.setDescription(patch.getDescription());
        }
        if (patch.hasPriority()) {
            b.setPriority(patch.getPriority());
        }
        if (patch.hasDirection()) {
            b.setDirection(patch.getDirection());
        }
        if (patch.hasNetwork()) {
            b.setNetwork(patch.getNetwork());
        }
        if (patch.hasDisabled()) {
            b.setDisabled(patch.getDisabled());
        }
        return b.build();
    }

    /**
     * Checks the changed firewall and queues the job that re-creates the group's rules and tags.
     * The name and direction of a firewall are fixed once it exists, as in GCE.
     */
    static Operation apply(String methodId, GceCall call, Firewalls firewalls, Operations operations, GceIds ids,
                           SecurityGroup g, Firewall current, Firewall changed) {
        if (!changed.getName().isEmpty() && !changed.getName().equals(g.name())) {
            throw GceException.invalid("resource.name", changed.getName(), "The name of a firewall cannot be "
                    + "changed.");
        }
        if (changed.hasDirection() && !changed.getDirection().equals(current.getDirection())) {
            throw GceException.invalid("resource.direction", changed.getDirection(), "The direction of a firewall "
                    + "cannot be changed.");
        }
        Firewalls.Spec spec = firewalls.spec(changed.toBuilder().setDirection(current.getDirection()).build());
        long id = ids.id(Firewalls.KIND, g.uuid(), g.accountId());
        return operations.submit(call, new Operations.Work(methodId, "global", Firewalls.path(g.name()), id,
                "SecurityGroup", g.uuid(), "SecurityGroup:" + g.uuid()), jobUuid -> {
                    firewalls.replace(call.ctx(), g, spec);
                    return null;
                });
    }
}
