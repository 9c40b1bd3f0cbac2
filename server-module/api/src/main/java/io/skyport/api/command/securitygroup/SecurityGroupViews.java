package io.skyport.api.command.securitygroup;

import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRule;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds securitygroup responses: the group, its rules by direction, its member VMs. */
@Component
public class SecurityGroupViews {
    private final SecurityGroupDao groups;
    private final SecurityGroupRuleDao rules;
    private final ViewFactory views;

    public SecurityGroupViews(SecurityGroupDao groups, SecurityGroupRuleDao rules, ViewFactory views) {
        this.groups = groups;
        this.rules = rules;
        this.views = views;
    }

    public SecurityGroupView view(SecurityGroup g) {
        Account a = views.account(g.accountId());
        Domain d = views.domain(g.domainId());
        List<SecurityGroupView.RuleView> ingress = new ArrayList<>();
        List<SecurityGroupView.RuleView> egress = new ArrayList<>();
        for (SecurityGroupRule r : rules.ofGroup(g.id())) {
            SecurityGroupView.RuleView v = rule(r);
            ("ingress".equals(r.direction()) ? ingress : egress).add(v);
        }
        List<String> members = groups.memberUuids(g.id());
        return new SecurityGroupView(g.uuid(), g.name(), g.description(), a.name(), d.name(), d.uuid(),
                "ROOT".equals(d.path()) ? "/" : d.path().substring(4), ingress, egress, List.of(), members.size(),
                members);
    }

    private SecurityGroupView.RuleView rule(SecurityGroupRule r) {
        String peerName = null;
        String peerAccount = null;
        if (r.sourceGroupId() != null) {
            SecurityGroup peer = groups.find(r.sourceGroupId()).orElse(null);
            if (peer != null) {
                peerName = peer.name();
                peerAccount = views.account(peer.accountId()).name();
            }
        }
        boolean ports = "tcp".equals(r.protocol()) || "udp".equals(r.protocol());
        boolean icmp = "icmp".equals(r.protocol());
        return new SecurityGroupView.RuleView(r.uuid(), r.protocol(), ports ? r.startPort() : null,
                ports ? r.endPort() : null, icmp ? r.icmpType() : null, icmp ? r.icmpCode() : null, r.cidr(),
                peerName, peerAccount, List.of());
    }
}
