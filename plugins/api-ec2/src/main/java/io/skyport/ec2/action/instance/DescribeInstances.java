package io.skyport.ec2.action.instance;

import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.InstanceListing;
import io.skyport.ec2.view.InstanceFilters;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;

/** The caller's instances, whichever API created them, grouped in their reservations. */
@ApiCommand(name = "DescribeInstances", api = "ec2", description = "Describes instances.")
public class DescribeInstances extends Ec2Action<DescribeInstancesRequest> {
    private final InstanceListing listing;
    private final InstanceViews views;

    public DescribeInstances(InstanceListing listing, InstanceViews views) {
        super(DescribeInstancesRequest::builder);
        this.listing = listing;
        this.views = views;
    }

    @Override
    protected SdkPojo run(DescribeInstancesRequest request, CallContext ctx) {
        InstanceListing.Page page = listing.list(ctx, "DescribeInstances", request.instanceIds(),
                InstanceFilters.FILTERS.matcher(request.filters()),
                Paging.of("DescribeInstances", request.maxResults(), request.nextToken(), 5, 1000));
        return DescribeInstancesResponse.builder().reservations(views.reservations(page.items()))
                .nextToken(page.nextToken()).build();
    }
}
