package io.skyport.core.securitygroup;

/**
 * One rule of a group. protocol is tcp, udp, icmp or all (or an IP protocol number); the source
 * (ingress) or destination (egress) is a CIDR or another group.
 */
public record SecurityGroupRule(long id, String uuid, long groupId, String direction, String protocol,
                                Integer startPort, Integer endPort, Integer icmpType, Integer icmpCode, String cidr,
                                Long sourceGroupId) {
}
