package io.skyport.container.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole nftables ruleset of the guest networks, as text for {@code nft -f -}: a pure function
 * of the model read from the database, so what a host enforces is always a rebuild, never a series
 * of edits that could drift. The text first makes sure the table exists, then deletes it and
 * writes it anew; nft applies a file as one transaction, so there is no moment without rules.
 *
 * <p>One {@code inet} table: its forward hook sees bridged IPv4 traffic because br_netfilter
 * passes it there (the bridge family has no conntrack on these kernels). Every instance has an
 * ingress chain for traffic to its address (established/related accepted before it, then its
 * groups' rules, then drop) and, when its groups have egress rules, an egress chain (no egress
 * rule means all egress is allowed, as in CloudStack and EC2) that returns what it allows, so
 * traffic between two instances passes the sender's egress and then the receiver's ingress. Groups named as a rule's source
 * are sets of their members' addresses. Traffic to the host itself is left alone, except the
 * metadata address 169.254.169.254:80 on each bridge, forwarded to the gateway's metadata port.
 */
public final class NftRuleset {
    public static final String METADATA_ADDRESS = "169.254.169.254";

    /** One rule of a group as the instance's chain applies it: peer is a CIDR or a group's uuid. */
    public record Rule(String protocol, Integer startPort, Integer endPort, Integer icmpType, Integer icmpCode,
                       String cidr, String peerGroupUuid) {
    }

    /** An instance's address and the rules of all its groups. */
    public record Instance(String vmUuid, String address, List<Rule> ingress, List<Rule> egress) {
    }

    /** Everything the ruleset is made from. Group sets are keyed by group uuid. */
    public record Model(String table, Collection<GuestBridge> bridges, List<Instance> instances,
                        Map<String, List<String>> groupMembers, int metadataPort) {
    }

    private NftRuleset() {
    }

    public static String render(Model m) {
        StringBuilder out = new StringBuilder();
        // "table" then "delete table": the delete succeeds whether or not the table existed before
        out.append("table inet ").append(m.table()).append('\n');
        out.append("delete table inet ").append(m.table()).append('\n');
        out.append("table inet ").append(m.table()).append(" {\n");
        for (Map.Entry<String, List<String>> g : new TreeMap<>(m.groupMembers()).entrySet()) {
            out.append("  set ").append(setName(g.getKey())).append(" {\n    type ipv4_addr;\n");
            List<String> members = g.getValue().stream().distinct().sorted().toList();
            if (!members.isEmpty()) {
                out.append("    elements = { ").append(String.join(", ", members)).append(" }\n");
            }
            out.append("  }\n");
        }
        out.append("  chain forward {\n");
        out.append("    type filter hook forward priority filter; policy accept;\n");
        out.append("    ct state established,related accept\n");
        // a packet must pass its source's egress and then its destination's ingress: the egress chains
        // come first and return what they allow, since an accept would end the hook before the ingress check
        for (Instance i : m.instances()) {
            if (!i.egress().isEmpty()) {
                out.append("    ip saddr ").append(i.address()).append(" jump ").append(chain("out_", i)).append('\n');
            }
        }
        for (Instance i : m.instances()) {
            out.append("    ip daddr ").append(i.address()).append(" jump ").append(chain("in_", i)).append('\n');
        }
        out.append("  }\n");
        for (Instance i : m.instances()) {
            out.append("  chain ").append(chain("in_", i)).append(" {\n");
            for (Rule r : i.ingress()) {
                out.append("    ").append(rule("saddr", r, "accept")).append('\n');
            }
            out.append("    drop\n  }\n");
            if (!i.egress().isEmpty()) {
                out.append("  chain ").append(chain("out_", i)).append(" {\n");
                // the metadata service stays reachable whatever the egress rules say
                out.append("    ip daddr ").append(METADATA_ADDRESS).append(" tcp dport 80 return\n");
                for (Rule r : i.egress()) {
                    out.append("    ").append(rule("daddr", r, "return")).append('\n');
                }
                out.append("    drop\n  }\n");
            }
        }
        out.append("  chain prerouting {\n");
        out.append("    type nat hook prerouting priority dstnat; policy accept;\n");
        List<GuestBridge> bridges = new ArrayList<>(m.bridges());
        bridges.sort(java.util.Comparator.comparing(GuestBridge::name));
        for (GuestBridge b : bridges) {
            out.append("    iifname \"").append(b.name()).append("\" ip daddr ").append(METADATA_ADDRESS)
                    .append(" tcp dport 80 dnat ip to ").append(b.gateway()).append(':').append(m.metadataPort())
                    .append('\n');
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    /** The text that removes the table (when no networked host is left). */
    public static String remove(String table) {
        return "table inet " + table + "\ndelete table inet " + table + "\n";
    }

    static String setName(String groupUuid) {
        return "g_" + GuestBridge.hex(groupUuid);
    }

    private static String chain(String prefix, Instance i) {
        return prefix + GuestBridge.hex(i.vmUuid());
    }

    /** One rule: the peer (CIDR or group set) on the given side, then what the protocol matches, then the verdict. */
    static String rule(String side, Rule r, String verdict) {
        String peer = r.peerGroupUuid() != null ? "@" + setName(r.peerGroupUuid()) : r.cidr();
        StringBuilder s = new StringBuilder("ip ").append(side).append(' ').append(peer).append(' ');
        String protocol = r.protocol().toLowerCase(Locale.ROOT);
        switch (protocol) {
            case "tcp", "udp" -> {
                s.append(protocol).append(" dport ").append(r.startPort());
                if (r.endPort() != null && !r.endPort().equals(r.startPort())) {
                    s.append('-').append(r.endPort());
                }
                s.append(' ');
            }
            case "icmp" -> {
                if (r.icmpType() == null || r.icmpType() < 0) {
                    s.append("ip protocol icmp ");
                } else {
                    s.append("icmp type ").append(r.icmpType()).append(' ');
                    if (r.icmpCode() != null && r.icmpCode() >= 0) {
                        s.append("icmp code ").append(r.icmpCode()).append(' ');
                    }
                }
            }
            case "all" -> {
                // any protocol from the peer
            }
            default -> s.append("ip protocol ").append(Integer.parseInt(protocol)).append(' ');
        }
        return s.append(verdict).toString();
    }
}
