package io.skyport.gce.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Denied;
import com.google.cloud.compute.v1.Firewall;
import io.skyport.core.securitygroup.SecurityGroupService;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.plugin.ApiException;
import java.util.List;
import org.junit.Test;

public class FirewallsTest {
    /** check() needs none of the service's collaborators. */
    private final Firewalls firewalls = new Firewalls(null, null, new SecurityGroupService(null, null, null, null,
            null), null, null, null, null, null);

    private static Firewall.Builder named() {
        return Firewall.newBuilder().setName("web");
    }

    private static String rule(SecurityGroupService.CheckedRule r) {
        return r.protocol() + " " + r.startPort() + "-" + r.endPort() + " " + r.cidrs();
    }

    @Test
    public void oneRulePerProtocolAndPortRangeOverEveryRange() {
        Firewalls.Spec spec = firewalls.spec(named().addAllowed(Allowed.newBuilder().setIPProtocol("tcp")
                .addPorts("22").addPorts("8000-9000")).addAllowed(Allowed.newBuilder().setIPProtocol("icmp"))
                .addSourceRanges("10.0.0.0/8").addSourceRanges("192.168.1.0/24").addTargetTags("web").build());
        assertEquals("ingress", spec.direction());
        assertEquals(List.of("tcp 22-22 [10.0.0.0/8, 192.168.1.0/24]", "tcp 8000-9000 [10.0.0.0/8, 192.168.1.0/24]",
                "icmp null-null [10.0.0.0/8, 192.168.1.0/24]"), spec.rules().stream().map(FirewallsTest::rule)
                .toList());
        assertEquals(List.of("web"), spec.targetTags());
        assertNull("no priority given, none stored", spec.priority());
    }

    @Test
    public void portsLeftOutAreEveryPortAndRangesLeftOutAreAnywhere() {
        Firewalls.Spec spec = firewalls.spec(named().addAllowed(Allowed.newBuilder().setIPProtocol("udp"))
                .addAllowed(Allowed.newBuilder().setIPProtocol("udp")).setPriority(10).build());
        assertEquals("the same entry twice is one rule", List.of("udp 1-65535 [0.0.0.0/0]"), spec.rules().stream()
                .map(FirewallsTest::rule).toList());
        assertEquals(Integer.valueOf(10), spec.priority());
    }

    @Test
    public void egressTakesDestinationRanges() {
        Firewalls.Spec spec = firewalls.spec(named().setDirection("EGRESS").addDestinationRanges("10.1.0.0/16")
                .addAllowed(Allowed.newBuilder().setIPProtocol("all")).build());
        assertEquals("egress", spec.direction());
        assertEquals(List.of("all null-null [10.1.0.0/16]"), spec.rules().stream().map(FirewallsTest::rule).toList());
        refused(named().setDirection("EGRESS").addSourceRanges("10.0.0.0/8").addAllowed(Allowed.newBuilder()
                .setIPProtocol("all")).build(), "sourceRanges");
    }

    @Test
    public void whatTheCoreCannotHoldIsRefused() {
        Allowed tcp = Allowed.newBuilder().setIPProtocol("tcp").build();
        refused(named().addDenied(Denied.newBuilder().setIPProtocol("tcp")).build(), "allow rules only");
        refused(named().build(), "allowed");
        refused(named().addAllowed(tcp).addSourceTags("db").build(), "Source tags");
        refused(named().addAllowed(tcp).setDisabled(true).build(), "Disabled");
        refused(named().addAllowed(tcp).setNetwork("global/networks/other").build(), "network");
        refused(named().addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("0-80")).build(), "ports");
        refused(named().addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("http")).build(), "ports");
        refused(named().addAllowed(Allowed.newBuilder().setIPProtocol("icmp").addPorts("8")).build(), "ports");
        refused(named().addAllowed(tcp).addTargetTags("Not_A_Tag").build(), "targetTags");
        refused(named().addAllowed(tcp).setPriority(70000).build(), "priority");
        try {
            firewalls.spec(named().addAllowed(tcp).addSourceRanges("not-a-cidr").build());
            fail("a bad CIDR is accepted");
        } catch (ApiException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("cidrlist"));
        }
        assertEquals(List.of("tcp 1-65535 [0.0.0.0/0]"), firewalls.spec(named().addAllowed(tcp)
                .setNetwork("projects/p/global/networks/default").build()).rules().stream().map(FirewallsTest::rule)
                .toList());
    }

    @Test
    public void namesAreGceNamesButNotDefault() {
        Firewalls.checkName("allow-ssh");
        for (String bad : List.of("", "Upper", "-lead", "trail-", "default", "a".repeat(64))) {
            try {
                Firewalls.checkName(bad);
                fail(bad + " is accepted");
            } catch (GceException e) {
                assertTrue(e.error() == GceError.INVALID || e.error() == GceError.REQUIRED);
            }
        }
    }

    private void refused(Firewall f, String mentions) {
        try {
            firewalls.spec(f);
            fail("accepted: " + f);
        } catch (GceException e) {
            assertEquals(GceError.INVALID.status(), e.error().status());
            assertTrue(e.getMessage(), e.getMessage().contains(mentions));
        }
    }
}
