package io.skyport.gce.method.firewall;

import static org.junit.Assert.assertEquals;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import java.util.List;
import org.junit.Test;

public class FirewallChangesTest {
    private static final Firewall CURRENT = Firewall.newBuilder().setName("web").setDescription("old")
            .setDirection("INGRESS").setPriority(1000).addSourceRanges("10.0.0.0/8").addTargetTags("web")
            .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("22")).build();

    @Test
    public void aPatchReplacesTheFieldsItGivesAndKeepsTheRest() {
        Firewall merged = FirewallChanges.merge(CURRENT, Firewall.newBuilder().addSourceRanges("192.168.0.0/16")
                .setPriority(900).build());
        assertEquals(List.of("192.168.0.0/16"), merged.getSourceRangesList());
        assertEquals(900, merged.getPriority());
        assertEquals("old", merged.getDescription());
        assertEquals(List.of("web"), merged.getTargetTagsList());
        assertEquals(CURRENT.getAllowedList(), merged.getAllowedList());
    }

    @Test
    public void repeatedFieldsAreReplacedNotAppended() {
        Firewall merged = FirewallChanges.merge(CURRENT, Firewall.newBuilder().addTargetTags("db").addAllowed(
                Allowed.newBuilder().setIPProtocol("udp")).setDescription("").build());
        assertEquals(List.of("db"), merged.getTargetTagsList());
        assertEquals(1, merged.getAllowedCount());
        assertEquals("udp", merged.getAllowed(0).getIPProtocol());
        assertEquals("an empty description given is a change", "", merged.getDescription());
    }
}
