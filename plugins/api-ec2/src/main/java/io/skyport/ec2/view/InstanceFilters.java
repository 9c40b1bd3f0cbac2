package io.skyport.ec2.view;

import io.skyport.ec2.view.InstanceViews.Placed;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

/** The DescribeInstances filters this API supports, by their EC2 names. */
public final class InstanceFilters {
    public static final Filters<Placed> FILTERS = new Filters<Placed>()
            .on("instance-id", p -> p.instance().instanceId())
            .on("instance-state-name", p -> p.instance().state().nameAsString())
            .on("instance-state-code", p -> p.instance().state().code())
            .on("instance-type", p -> p.instance().instanceTypeAsString())
            .on("image-id", p -> p.instance().imageId())
            .on("availability-zone", p -> p.instance().placement().availabilityZone())
            .on("placement-group-name", p -> p.instance().placement().groupName())
            .on("tenancy", p -> p.instance().placement().tenancyAsString())
            .on("key-name", p -> p.instance().keyName())
            .on("private-ip-address", p -> p.instance().privateIpAddress())
            .on("ip-address", p -> p.instance().publicIpAddress())
            .on("private-dns-name", p -> p.instance().privateDnsName())
            .on("dns-name", p -> p.instance().publicDnsName())
            .on("reservation-id", Placed::reservationId)
            .on("owner-id", p -> InstanceViews.ownerId(p.vm().accountId()))
            .on("vpc-id", p -> p.instance().vpcId())
            .on("subnet-id", p -> p.instance().subnetId())
            .on("architecture", p -> p.instance().architectureAsString())
            .on("root-device-type", p -> p.instance().rootDeviceTypeAsString())
            .on("root-device-name", p -> p.instance().rootDeviceName())
            .on("virtualization-type", p -> p.instance().virtualizationTypeAsString())
            .on("hypervisor", p -> p.instance().hypervisorAsString())
            .on("monitoring-state", p -> p.instance().monitoring().stateAsString())
            .on("launch-time", p -> p.instance().launchTime())
            .onEach("instance.group-id", p -> groupIds(p.instance()))
            .onEach("group-id", p -> groupIds(p.instance()))
            .onEach("instance.group-name", p -> groupNames(p.instance()))
            .onEach("group-name", p -> groupNames(p.instance()))
            .tags(p -> p.instance().tags());

    private InstanceFilters() {
    }

    private static List<String> groupIds(Instance i) {
        return i.securityGroups().stream().map(GroupIdentifier::groupId).toList();
    }

    private static List<String> groupNames(Instance i) {
        return i.securityGroups().stream().map(GroupIdentifier::groupName).toList();
    }
}
