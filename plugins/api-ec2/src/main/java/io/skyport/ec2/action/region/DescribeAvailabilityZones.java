package io.skyport.ec2.action.region;

import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.view.Filters;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;

/** Each enabled zone of the deployment is an availability zone of its one region. */
@ApiCommand(name = "DescribeAvailabilityZones", api = "ec2", description = "Describes the availability zones.")
public class DescribeAvailabilityZones extends Ec2Action<DescribeAvailabilityZonesRequest> {
    private static final Filters<AvailabilityZone> FILTERS = new Filters<AvailabilityZone>()
            .on("zone-name", AvailabilityZone::zoneName).on("zone-id", AvailabilityZone::zoneId)
            .on("region-name", AvailabilityZone::regionName).on("state", AvailabilityZone::stateAsString)
            .on("zone-type", AvailabilityZone::zoneType).on("group-name", AvailabilityZone::groupName);
    private final ZoneDao zones;
    private final SettingService settings;

    public DescribeAvailabilityZones(ZoneDao zones, SettingService settings) {
        super(DescribeAvailabilityZonesRequest::builder);
        this.zones = zones;
        this.settings = settings;
    }

    @Override
    protected SdkPojo run(DescribeAvailabilityZonesRequest request, CallContext ctx) {
        String region = settings.get(Ec2Settings.REGION);
        java.util.function.Predicate<AvailabilityZone> matches = FILTERS.matcher(request.filters());
        List<AvailabilityZone> out = new ArrayList<>();
        for (Zone z : zones.zones(null, null, null)) {
            AvailabilityZone az = AvailabilityZone.builder().zoneName(z.name()).zoneId(region + "-az" + z.id())
                    .regionName(region).groupName(region).zoneType("availability-zone")
                    .optInStatus("opt-in-not-required").networkBorderGroup(region)
                    .state("Enabled".equalsIgnoreCase(z.allocationState()) ? AvailabilityZoneState.AVAILABLE
                            : AvailabilityZoneState.UNAVAILABLE)
                    .messages(List.of()).build();
            boolean named = !request.hasZoneNames() || request.zoneNames().contains(az.zoneName());
            boolean byId = !request.hasZoneIds() || request.zoneIds().contains(az.zoneId());
            if (named && byId && matches.test(az)) {
                out.add(az);
            }
        }
        return DescribeAvailabilityZonesResponse.builder().availabilityZones(out).build();
    }
}
