package io.skyport.ec2.action.instance;

import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.InstanceListing;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.InstanceViews.Placed;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.StatusName;
import software.amazon.awssdk.services.ec2.model.StatusType;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;

/**
 * Status checks: a running instance passes them once the hypervisor reports it started (the
 * core marks it Running only then); other states are not-applicable.
 */
@ApiCommand(name = "DescribeInstanceStatus", api = "ec2", description = "Describes the status of instances.")
public class DescribeInstanceStatus extends Ec2Action<DescribeInstanceStatusRequest> {
    private static final Filters<Placed> FILTERS = new Filters<Placed>()
            .on("availability-zone", p -> p.instance().placement().availabilityZone())
            .on("instance-state-name", p -> p.instance().state().nameAsString())
            .on("instance-state-code", p -> p.instance().state().code())
            .on("instance-status.status", p -> summary(p.instance()).toString())
            .on("system-status.status", p -> summary(p.instance()).toString());
    private final InstanceListing listing;

    public DescribeInstanceStatus(InstanceListing listing) {
        super(DescribeInstanceStatusRequest::builder);
        this.listing = listing;
    }

    @Override
    protected SdkPojo run(DescribeInstanceStatusRequest request, CallContext ctx) {
        boolean all = Boolean.TRUE.equals(request.includeAllInstances());
        Predicate<Placed> filters = FILTERS.matcher(request.filters());
        Predicate<Placed> matches = p -> (all || running(p.instance())) && filters.test(p);
        InstanceListing.Page page = listing.list(ctx, "DescribeInstanceStatus", request.instanceIds(), matches,
                Paging.of("DescribeInstanceStatus", request.maxResults(), request.nextToken(), 5, 1000));
        List<InstanceStatus> out = page.items().stream().map(p -> status(p.instance())).toList();
        return DescribeInstanceStatusResponse.builder().instanceStatuses(out).nextToken(page.nextToken()).build();
    }

    private static boolean running(Instance i) {
        return i.state().name() == InstanceStateName.RUNNING;
    }

    private static SummaryStatus summary(Instance i) {
        return running(i) ? SummaryStatus.OK : SummaryStatus.NOT_APPLICABLE;
    }

    private static InstanceStatus status(Instance i) {
        SummaryStatus s = summary(i);
        InstanceStatusSummary check = InstanceStatusSummary.builder().status(s)
                .details(s == SummaryStatus.OK ? List.of(InstanceStatusDetails.builder().name(StatusName.REACHABILITY)
                        .status(StatusType.PASSED).build()) : List.of()).build();
        return InstanceStatus.builder().instanceId(i.instanceId())
                .availabilityZone(i.placement().availabilityZone()).instanceState(i.state())
                .instanceStatus(check).systemStatus(check).events(List.of()).build();
    }
}
