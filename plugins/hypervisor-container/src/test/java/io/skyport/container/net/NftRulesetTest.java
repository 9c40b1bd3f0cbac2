package io.skyport.container.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class NftRulesetTest {
    private static final String NET = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String GROUP_A = "aaaaaaaa-1111-2222-3333-444444444444";
    private static final String VM1 = "11111111-aaaa-bbbb-cccc-dddddddddddd";
    private static final String VM2 = "22222222-aaaa-bbbb-cccc-dddddddddddd";

    private static String golden(String name) throws IOException {
        try (InputStream in = NftRulesetTest.class.getResourceAsStream("/nft/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Group A allows tcp 8080 from A and ping from a CIDR; VM2 also has egress rules, so its egress is closed. */
    @Test
    public void rendersIngressEgressGroupSetsAndMetadataForward() throws IOException {
        GuestBridge bridge = GuestBridge.of(NET, "198.19.4.0/24", "198.19.4.1");
        List<NftRuleset.Rule> ingress = List.of(
                new NftRuleset.Rule("tcp", 8080, 8080, null, null, null, GROUP_A),
                new NftRuleset.Rule("udp", 5000, 5010, null, null, "198.19.0.0/16", null),
                new NftRuleset.Rule("icmp", null, null, 8, -1, "0.0.0.0/0", null),
                new NftRuleset.Rule("icmp", null, null, -1, -1, "198.19.4.0/24", null),
                new NftRuleset.Rule("47", null, null, null, null, "198.19.4.9/32", null),
                new NftRuleset.Rule("all", null, null, null, null, "169.254.0.0/16", null));
        List<NftRuleset.Rule> egress = List.of(new NftRuleset.Rule("tcp", 443, 443, null, null, "0.0.0.0/0", null));
        NftRuleset.Model model = new NftRuleset.Model("skyport", List.of(bridge), List.of(
                new NftRuleset.Instance(VM1, "198.19.4.2", ingress, List.of()),
                new NftRuleset.Instance(VM2, "198.19.4.3", List.of(), egress)),
                Map.of(GROUP_A, List.of("198.19.4.3", "198.19.4.2", "198.19.4.2")), 8775);
        assertEquals(golden("two-instances.nft"), NftRuleset.render(model));
    }

    @Test
    public void anEmptyGroupIsASetWithoutElementsAndNoInstanceMeansNoChains() {
        NftRuleset.Model model = new NftRuleset.Model("t1", List.of(GuestBridge.of(NET, "169.254.0.0/16",
                "169.254.0.1")), List.of(), Map.of(GROUP_A, List.of()), 9000);
        String text = NftRuleset.render(model);
        assertTrue(text, text.contains("  set g_aaaaaaaa1111 {\n    type ipv4_addr;\n  }\n"));
        assertTrue(text, text.contains("iifname \"sp0f1e2d3c4b5a\" ip daddr 169.254.169.254 tcp dport 80 dnat ip to "
                + "169.254.0.1:9000"));
        assertEquals(0, text.split("jump", -1).length - 1);
    }

    @Test
    public void removeDeletesTheTableWhetherOrNotItExists() {
        assertEquals("table inet t1\ndelete table inet t1\n", NftRuleset.remove("t1"));
    }
}
