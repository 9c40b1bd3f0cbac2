package io.skyport.ec2.action.securitygroup;

import io.skyport.core.identity.Visibility;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.service.SecurityGroups;
import io.skyport.ec2.service.Tags;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup.Builder;

@ApiCommand(name = "DescribeSecurityGroups", api = "ec2", description = "Describes the caller's security groups.")
public class DescribeSecurityGroups extends Ec2Action<DescribeSecurityGroupsRequest> {
    private static final Filters<software.amazon.awssdk.services.ec2.model.SecurityGroup> FILTERS =
            new Filters<software.amazon.awssdk.services.ec2.model.SecurityGroup>()
                    .on("group-id", g -> g.groupId()).on("group-name", g -> g.groupName())
                    .on("description", g -> g.description()).on("owner-id", g -> g.ownerId())
                    .on("vpc-id", g -> g.vpcId())
                    .onEach("ip-permission.protocol", g -> g.ipPermissions().stream().map(IpPermission::ipProtocol)
                            .toList())
                    .onEach("ip-permission.cidr", g -> g.ipPermissions().stream().flatMap(p -> p.ipRanges().stream())
                            .map(IpRange::cidrIp).toList())
                    .onEach("ip-permission.from-port", g -> ports(g.ipPermissions(), true))
                    .onEach("ip-permission.to-port", g -> ports(g.ipPermissions(), false))
                    .onEach("ip-permission.group-id", g -> g.ipPermissions().stream()
                            .flatMap(p -> p.userIdGroupPairs().stream()).map(u -> u.groupId()).toList())
                    .onEach("egress.ip-permission.cidr", g -> g.ipPermissionsEgress().stream()
                            .flatMap(p -> p.ipRanges().stream()).map(IpRange::cidrIp).toList())
                    .tags(g -> g.tags());
    private final SecurityGroupDao dao;
    private final SecurityGroups groups;
    private final ResourceTagDao tags;

    public DescribeSecurityGroups(SecurityGroupDao dao, SecurityGroups groups, ResourceTagDao tags) {
        super(DescribeSecurityGroupsRequest::builder);
        this.dao = dao;
        this.groups = groups;
        this.tags = tags;
    }

    @Override
    protected SdkPojo run(DescribeSecurityGroupsRequest request, CallContext ctx) {
        Predicate<software.amazon.awssdk.services.ec2.model.SecurityGroup> matches = FILTERS.matcher(request.filters());
        Paging page = Paging.of("DescribeSecurityGroups", request.maxResults(), request.nextToken(), 5, 1000);
        List<SecurityGroup> chosen = new ArrayList<>();
        for (String id : request.groupIds()) {
            chosen.add(groups.find(ctx, id, null));
        }
        for (String name : request.groupNames()) {
            chosen.add(groups.find(ctx, null, name));
        }
        if (!request.hasGroupIds() && !request.hasGroupNames()) {
            chosen = dao.list(new Visibility(ctx.domainPath(), ctx.accountId()), null, null, null, null, 0,
                    Integer.MAX_VALUE);
        }
        Map<Long, List<io.skyport.core.tag.ResourceTag>> tagRows = tags.ofResources("SecurityGroup",
                chosen.stream().map(SecurityGroup::id).toList());
        String vpc = groups.defaultVpcId();
        List<software.amazon.awssdk.services.ec2.model.SecurityGroup> all = new ArrayList<>();
        for (SecurityGroup g : chosen.stream().distinct().toList()) {
            Builder b = software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
                    .groupId(groups.id(g)).groupName(g.name()).description(g.description() == null ? "" : g.description())
                    .ownerId(InstanceViews.ownerId(g.accountId())).vpcId(vpc)
                    .ipPermissions(groups.permissions(g, SecurityGroups.INGRESS))
                    .ipPermissionsEgress(groups.permissions(g, SecurityGroups.EGRESS))
                    .tags(Tags.fromRows(tagRows.getOrDefault(g.id(), List.of())));
            software.amazon.awssdk.services.ec2.model.SecurityGroup view = b.build();
            if (matches.test(view)) {
                all.add(view);
            }
        }
        return DescribeSecurityGroupsResponse.builder().securityGroups(page.page(all))
                .nextToken(page.next("DescribeSecurityGroups", all.size())).build();
    }

    private static List<String> ports(List<IpPermission> permissions, boolean from) {
        return permissions.stream().flatMap(p -> Stream.ofNullable(from ? p.fromPort() : p.toPort()))
                .map(String::valueOf).toList();
    }
}
