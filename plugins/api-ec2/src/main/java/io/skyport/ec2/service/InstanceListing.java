package io.skyport.ec2.service;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.ec2.view.InstanceViews.Placed;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The caller's instances, filtered and paged, for DescribeInstances and DescribeInstanceStatus.
 * The database is read in id order in chunks; filters run on the built views; the page token is
 * the position in that order, so paging is stable while instances come and go at the end.
 */
@Component
public class InstanceListing {
    private static final int CHUNK = 1000;
    private final Ec2Instances instances;
    private final VmDao vms;
    private final InstanceViews views;

    public InstanceListing(Ec2Instances instances, VmDao vms, InstanceViews views) {
        this.instances = instances;
        this.vms = vms;
        this.views = views;
    }

    /** One page, and the token of the next (null at the end). */
    public record Page(List<Placed> items, String nextToken) {
    }

    public Page list(CallContext ctx, String operation, List<String> instanceIds, Predicate<Placed> matches,
                     Paging paging) {
        if (instanceIds != null && !instanceIds.isEmpty()) {
            if (paging.limit() != Paging.ALL) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_COMBINATION, "The parameter instancesSet cannot be "
                        + "used with the parameter maxResults");
            }
            List<Placed> all = views.build(ctx, instances.resolve(instanceIds, ctx));
            return new Page(all.stream().filter(matches).toList(), null);
        }
        VmDao.Query query = new VmDao.Query(Ec2Instances.own(ctx), null, null, null, null, null, null, null, null);
        // the listing is the live VMs in id order, then those expunged within the visibility window
        Instant since = instances.terminatedVisibleSince();
        long live = vms.count(query);
        List<Placed> out = new ArrayList<>();
        long position = paging.offset();
        while (out.size() < paging.limit()) {
            List<Vm> chunk = position < live ? vms.list(query, (int) position, CHUNK)
                    : vms.removedSince(ctx.accountId(), since, (int) (position - live), CHUNK);
            if (chunk.isEmpty()) {
                if (position < live) {
                    live = position; // fewer live VMs than counted a moment ago: go on with the expunged ones
                    continue;
                }
                return new Page(out, null);
            }
            for (Placed p : views.build(ctx, chunk)) {
                position++;
                if (matches.test(p)) {
                    out.add(p);
                    if (out.size() == paging.limit()) {
                        break;
                    }
                }
            }
        }
        boolean more = position < live || !vms.removedSince(ctx.accountId(), since, (int) (position - live), 1)
                .isEmpty();
        return new Page(out, more ? Paging.token(operation, (int) position) : null);
    }
}
