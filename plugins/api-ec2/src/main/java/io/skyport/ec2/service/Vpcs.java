package io.skyport.ec2.service;

import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.network.Ipv4;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * Each zone's default guest network is shown as a default VPC with one default subnet, so
 * clients that look for them (and launch into them) work unchanged.
 */
@Component
public class Vpcs {
    private final Ec2Ids ids;
    private final NetworkDao networks;
    private final ZoneDao zones;
    private final SettingService settings;

    public Vpcs(Ec2Ids ids, NetworkDao networks, ZoneDao zones, SettingService settings) {
        this.ids = ids;
        this.networks = networks;
        this.zones = zones;
        this.settings = settings;
    }

    /** The default networks of the zones, with their zones. */
    public record Default(Network network, Zone zone) {
    }

    public List<Default> defaults() {
        List<Default> out = new ArrayList<>();
        for (Zone z : zones.zones(null, null, null)) {
            networks.defaultForZone(z.id()).ifPresent(n -> out.add(new Default(n, z)));
        }
        return out;
    }

    public Vpc vpc(Default d, CallContext ctx) {
        String vpcId = ids.of(Kind.VPC, d.network().uuid(), 1);
        return Vpc.builder().vpcId(vpcId).state(VpcState.AVAILABLE).cidrBlock(d.network().cidr())
                .dhcpOptionsId("default").instanceTenancy(Tenancy.DEFAULT).isDefault(true)
                .ownerId(InstanceViews.ownerId(ctx.accountId()))
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().associationId("vpc-cidr-assoc-"
                        + vpcId.substring(4)).cidrBlock(d.network().cidr()).cidrBlockState(VpcCidrBlockState.builder()
                        .state(VpcCidrBlockStateCode.ASSOCIATED).build()).build())
                .tags(List.of()).build();
    }

    public Subnet subnet(Default d, CallContext ctx) {
        String region = settings.get(Ec2Settings.REGION);
        long size;
        try {
            size = Ipv4.Cidr.parse(d.network().cidr()).size();
        } catch (IllegalArgumentException e) {
            size = 0;
        }
        return Subnet.builder().subnetId(ids.of(Kind.SUBNET, d.network().uuid(), 1))
                .vpcId(ids.of(Kind.VPC, d.network().uuid(), 1)).state(SubnetState.AVAILABLE)
                .cidrBlock(d.network().cidr()).availabilityZone(d.zone().name())
                .availabilityZoneId(region + "-az" + d.zone().id())
                .availableIpAddressCount((int) Math.min(Integer.MAX_VALUE, Math.max(0, size - 5)))
                .defaultForAz(true).mapPublicIpOnLaunch(false).assignIpv6AddressOnCreation(false)
                .ownerId(InstanceViews.ownerId(ctx.accountId())).tags(List.of()).build();
    }
}
