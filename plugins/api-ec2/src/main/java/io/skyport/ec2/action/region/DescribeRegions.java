package io.skyport.ec2.action.region;

import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.view.Filters;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

@ApiCommand(name = "DescribeRegions", api = "ec2", description = "Describes the region this deployment serves.")
public class DescribeRegions extends Ec2Action<DescribeRegionsRequest> {
    private static final Filters<Region> FILTERS = new Filters<Region>()
            .on("region-name", Region::regionName).on("endpoint", Region::endpoint);
    private final SettingService settings;

    public DescribeRegions(SettingService settings) {
        super(DescribeRegionsRequest::builder);
        this.settings = settings;
    }

    @Override
    protected SdkPojo run(DescribeRegionsRequest request, CallContext ctx) {
        String name = settings.get(Ec2Settings.REGION);
        Region region = Region.builder().regionName(name).endpoint(endpointUrl()).optInStatus("opt-in-not-required")
                .build();
        List<Region> regions = List.of(region).stream()
                .filter(r -> !request.hasRegionNames() || request.regionNames().contains(r.regionName()))
                .filter(FILTERS.matcher(request.filters())).toList();
        return DescribeRegionsResponse.builder().regions(regions).build();
    }
}
