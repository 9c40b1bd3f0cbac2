package io.skyport.api.command.securitygroup;

import java.util.List;

/** CloudStack's securitygroup response with its rules and members. */
public record SecurityGroupView(String id, String name, String description, String account, String domain,
                                String domainid, String domainpath, List<RuleView> ingressrule,
                                List<RuleView> egressrule, List<Object> tags, int virtualmachinecount,
                                List<String> virtualmachineids) {

    /** One rule: a CIDR or another group (securitygroupname + account) as the peer. */
    public record RuleView(String ruleid, String protocol, Integer startport, Integer endport, Integer icmptype,
                           Integer icmpcode, String cidr, String securitygroupname, String account,
                           List<Object> tags) {
    }
}
