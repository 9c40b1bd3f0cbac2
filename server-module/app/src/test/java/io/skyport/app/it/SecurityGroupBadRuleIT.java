package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Rules with a bad CIDR or port range are refused by every API before anything is stored, so no
 * host's firewall ever gets one: EC2 and GCE answer with their protocol's 400, and the group is
 * left without rules (the native API's refusals are in SecurityGroupKeyPairIT).
 */
public class SecurityGroupBadRuleIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static final List<String> BAD_CIDRS = List.of("10.0.0.0/33", "300.1.1.1/8", "198.18.0.0", "not-a-cidr");

    private static JsonObject group(String name) {
        return SERVER.admin().call("listSecurityGroups", "securitygroupname", name).inner()
                .getAsJsonArray("securitygroup").get(0).getAsJsonObject();
    }

    /** The group's rules of both directions, as the native API lists them. */
    private static String rules(String name) {
        JsonObject g = group(name);
        return String.valueOf(g.get("ingressrule")) + " " + g.get("egressrule");
    }

    private static Ec2Raw.Reply ec2(String action, String... kv) throws Exception {
        return Ec2Raw.post(SERVER, SERVER.admin().apiKey(), SERVER.admin().secret(), "skyport-1",
                Ec2Raw.action(action, kv));
    }

    @Test
    public void ec2RefusesBadCidrsAndPortRangesWithAnInvalidParameterError() throws Exception {
        Ec2Raw.Reply made = ec2("CreateSecurityGroup", "GroupName", "bad-ec2", "GroupDescription", "bad rules");
        assertEquals(made.body(), 200, made.status());
        // an EC2 group starts with its allow-all egress rule; the refused requests must add nothing to it
        String before = rules("bad-ec2");
        for (String direction : List.of("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress")) {
            String groupParam = direction.endsWith("Ingress") ? "GroupName" : "GroupId";
            String groupValue = direction.endsWith("Ingress") ? "bad-ec2" : groupId(made.body());
            for (String cidr : BAD_CIDRS) {
                Ec2Raw.Reply r = ec2(direction, groupParam, groupValue, "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.FromPort", "80", "IpPermissions.1.ToPort", "80",
                        "IpPermissions.1.IpRanges.1.CidrIp", cidr);
                assertEquals(direction + " " + cidr + ": " + r.body(), 400, r.status());
                assertTrue(r.body(), r.code() != null && r.code().startsWith("InvalidParameter"));
            }
            for (String[] ports : new String[][] {{"0", "70000"}, {"90", "80"}, {"-5", "22"}}) {
                Ec2Raw.Reply r = ec2(direction, groupParam, groupValue, "IpPermissions.1.IpProtocol", "udp",
                        "IpPermissions.1.FromPort", ports[0], "IpPermissions.1.ToPort", ports[1],
                        "IpPermissions.1.IpRanges.1.CidrIp", "198.18.0.0/16");
                assertEquals(direction + " " + ports[0] + "-" + ports[1] + ": " + r.body(), 400, r.status());
                assertTrue(r.body(), r.code() != null && r.code().startsWith("InvalidParameter"));
            }
        }
        assertEquals("nothing was stored", before, rules("bad-ec2"));
    }

    private static String groupId(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<groupId>([^<]+)</groupId>").matcher(body);
        assertTrue(body, m.find());
        return m.group(1);
    }

    @Test
    public void gceRefusesBadRangesAndPortsWithABadRequest() {
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        int n = 0;
        for (String cidr : BAD_CIDRS) {
            GceClient.Reply r = gce.call("POST", "global/firewalls", "{\"name\":\"bad-gce-" + n++ + "\",\"allowed\":"
                    + "[{\"IPProtocol\":\"tcp\",\"ports\":[\"80\"]}],\"sourceRanges\":[\"" + cidr + "\"]}");
            assertEquals(cidr + ": " + r.body(), 400, r.status());
        }
        for (String ports : List.of("70000", "90-80", "0-22", "x")) {
            GceClient.Reply r = gce.call("POST", "global/firewalls", "{\"name\":\"bad-gce-" + n++ + "\",\"allowed\":"
                    + "[{\"IPProtocol\":\"tcp\",\"ports\":[\"" + ports + "\"]}],\"sourceRanges\":[\"198.18.0.0/16\"]}");
            assertEquals(ports + ": " + r.body(), 400, r.status());
        }
        JsonObject list = gce.ok("GET", "global/firewalls", null);
        assertFalse("no firewall was made: " + list, list.toString().contains("bad-gce-"));
    }
}
