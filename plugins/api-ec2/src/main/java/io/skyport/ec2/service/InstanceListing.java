package io.skyport.ec2.service;

import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.ec2.view.InstanceViews.Placed;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.CallContext;
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
        List<Placed> out = new ArrayList<>();
        int position = paging.offset();
        while (out.size() < paging.limit()) {
            List<Vm> chunk = vms.list(query, position, CHUNK);
            if (chunk.isEmpty()) {
                return new Page(out, null);
            }
            List<Placed> built = views.build(ctx, chunk);
            for (Placed p : built) {
                position++;
                if (matches.test(p)) {
                    out.add(p);
                    if (out.size() == paging.limit()) {
                        break;
                    }
                }
            }
            if (chunk.size() < CHUNK && out.size() < paging.limit()) {
                return new Page(out, null); // the last chunk, read to its end
            }
        }
        boolean more = !vms.list(query, position, 1).isEmpty();
        return new Page(out, more ? Paging.token(operation, position) : null);
    }
}
