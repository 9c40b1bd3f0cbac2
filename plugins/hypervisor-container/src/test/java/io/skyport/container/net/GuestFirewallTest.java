package io.skyport.container.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.config.ServerConfig;
import io.skyport.core.event.EventService;
import io.skyport.core.infra.Host;
import io.skyport.core.infra.HostDao;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.securitygroup.SecurityGroup;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.securitygroup.SecurityGroupRule;
import io.skyport.core.securitygroup.SecurityGroupRuleDao;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

/** The firewall's model is read from the database as the rules say; the nft text is checked in NftRulesetTest. */
public class GuestFirewallTest {
    private static final String NET = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final Network NETWORK = new Network(7, NET, "guest", "guest", 1, null, "198.19.4.0/24",
            "198.19.4.1", "Shared", "Guest", "Implemented", true, Instant.EPOCH);
    private static final SecurityGroup WEB = new SecurityGroup(11, "aaaaaaaa-1111-2222-3333-444444444444", "web", "",
            2, 1, Instant.EPOCH);
    private static final SecurityGroup DB = new SecurityGroup(12, "bbbbbbbb-1111-2222-3333-444444444444", "db", "",
            2, 1, Instant.EPOCH);

    private final HostDao hosts = mock(HostDao.class);
    private final VmDao vms = mock(VmDao.class);
    private final NicDao nics = mock(NicDao.class);
    private final NetworkDao networks = mock(NetworkDao.class);
    private final SecurityGroupDao groups = mock(SecurityGroupDao.class);
    private final SecurityGroupRuleDao rules = mock(SecurityGroupRuleDao.class);
    private final SettingService settings = mock(SettingService.class);
    private final EventService events = mock(EventService.class);
    private final List<String> commands = new ArrayList<>();
    private final List<String> nftInput = new ArrayList<>();
    private GuestFirewall firewall;

    private static Host host(long id, String hypervisor, String url) {
        return new Host(id, "h" + id, "h" + id, 1, 1, 1, hypervisor, url, "Up", "Enabled", 2, 2000, 1L << 30, 0, 0,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static Vm vm(long id, String uuid, long hostId) {
        return new Vm(id, uuid, "vm" + id, "vm" + id, 2, 1, 1, hostId, hostId, 1, 1, "Docker", 1, 500, 64,
                VmState.Running, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static Nic nic(long vmId, String ip) {
        return new Nic(vmId, "n" + vmId, vmId, 7, ip, "02:00:00:00:00:0" + vmId, 0, true);
    }

    @Before
    public void setUp() {
        HostCommands fake = (command, stdin) -> {
            commands.add(String.join(" ", command));
            if (command.get(0).equals("nft")) {
                nftInput.add(stdin);
            }
            return new HostCommands.Result(command.contains("show") ? 1 : 0, "");
        };
        when(settings.find(anyString())).thenReturn(Optional.empty());
        firewall = new GuestFirewall(hosts, vms, nics, networks, groups, rules, settings, events,
                ServerConfig.of(Path.of("/nonexistent"), Map.of(GuestFirewall.TABLE, "t1")), new GuestBridges(fake),
                fake);
    }

    @Test
    public void aServerWithoutBridgedHostsNeverRunsNft() {
        when(hosts.hosts(null, null, null, null, null, null)).thenReturn(List.of(
                host(1, "Docker", "unix:///var/run/docker.sock"), host(2, "Simulator", "http://sim?networking=bridge")));
        firewall.rebuild();
        assertEquals(List.of(), commands);
    }

    @Test
    public void groupRulesBecomeTheInstancesChainsWithSourceGroupsAsSetsOfMemberAddresses() {
        Vm web1 = vm(1, "11111111-aaaa-bbbb-cccc-dddddddddddd", 1);
        Vm db1 = vm(2, "22222222-aaaa-bbbb-cccc-dddddddddddd", 1);
        when(hosts.hosts(null, null, null, null, null, null)).thenReturn(List.of(
                host(1, "Docker", "unix:///var/run/docker.sock?networking=bridge")));
        when(vms.inStateOnHost(VmState.Running, 1)).thenReturn(List.of(web1, db1));
        when(vms.inStateOnHost(VmState.Starting, 1)).thenReturn(List.of());
        when(nics.nicsOf(List.of(1L, 2L))).thenReturn(List.of(nic(1, "198.19.4.2"), nic(2, "198.19.4.3")));
        when(networks.find(7)).thenReturn(Optional.of(NETWORK));
        when(groups.ofVms(List.of(1L, 2L))).thenReturn(Map.of(1L, List.of(WEB), 2L, List.of(DB)));
        when(rules.ofGroup(11)).thenReturn(List.of(new SecurityGroupRule(1, "r1", 11, "ingress", "tcp", 80, 80, null,
                null, "0.0.0.0/0", null)));
        when(rules.ofGroup(12)).thenReturn(List.of(
                new SecurityGroupRule(2, "r2", 12, "ingress", "tcp", 5432, 5432, null, null, null, 11L),
                new SecurityGroupRule(3, "r3", 12, "egress", "udp", 53, 53, null, null, "198.19.0.0/16", null)));
        when(groups.find(11)).thenReturn(Optional.of(WEB));
        when(groups.memberUuids(11)).thenReturn(List.of(web1.uuid()));
        when(vms.findByUuid(web1.uuid())).thenReturn(Optional.of(web1));
        when(nics.nicsOf(List.of(1L))).thenReturn(List.of(nic(1, "198.19.4.2")));

        firewall.rebuild();

        assertTrue("the bridge is made first: " + commands, commands.contains(
                "ip link add name sp0f1e2d3c4b5a type bridge"));
        assertEquals(1, nftInput.size());
        String text = nftInput.get(0);
        assertTrue(text, text.startsWith("table inet t1\ndelete table inet t1\n"));
        assertTrue(text, text.contains("set g_aaaaaaaa1111 {\n    type ipv4_addr;\n    elements = { 198.19.4.2 }"));
        assertTrue(text, text.contains("chain in_11111111aaaa {\n    ip saddr 0.0.0.0/0 tcp dport 80 accept\n"
                + "    drop\n  }"));
        assertTrue(text, text.contains("chain in_22222222aaaa {\n    ip saddr @g_aaaaaaaa1111 tcp dport 5432 accept\n"
                + "    drop\n  }"));
        assertTrue(text, text.contains("ip saddr 198.19.4.3 jump out_22222222aaaa"));
        assertFalse("web has no egress rule, so all its egress is allowed", text.contains("out_11111111aaaa"));
        assertTrue("metadata.port undeclared: its default", text.contains("dnat ip to 198.19.4.1:8775"));
    }

    @Test
    public void theMetadataForwardGoesToThePortTheListenerOpened() {
        ServerConfig config = ServerConfig.of(Path.of("/nonexistent"), Map.of("skyport.metadata.port", "0"));
        GuestFirewall f = new GuestFirewall(hosts, vms, nics, networks, groups, rules, settings, events, config,
                new GuestBridges((c, in) -> new HostCommands.Result(0, "")), (c, in) -> new HostCommands.Result(0, ""));
        assertEquals("any free port asked for, none opened yet: the default", 8775, f.metadataPort());
        config.boundMetadataPort(41234);
        assertEquals(41234, f.metadataPort());
        assertEquals(9000, new GuestFirewall(hosts, vms, nics, networks, groups, rules, settings, events,
                ServerConfig.of(Path.of("/nonexistent"), Map.of("skyport.metadata.port", "9000")),
                new GuestBridges((c, in) -> null), (c, in) -> null).metadataPort());
    }

    @Test
    public void whenTheLastInstanceGoesTheTableGoes() {
        groupRulesBecomeTheInstancesChainsWithSourceGroupsAsSetsOfMemberAddresses();
        when(vms.inStateOnHost(VmState.Running, 1)).thenReturn(List.of());
        when(nics.nicsOf(List.of())).thenReturn(List.of());
        when(groups.ofVms(List.of())).thenReturn(Map.of());
        firewall.rebuild();
        assertEquals("table inet t1\ndelete table inet t1\n", nftInput.get(nftInput.size() - 1));
    }

    @Test
    public void everyRecordedChangeButAnExecQueuesARebuild() throws Exception {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<EventService.Event>> listener = ArgumentCaptor.forClass(Consumer.class);
        verify(events).subscribe(listener.capture());
        when(hosts.hosts(null, null, null, null, null, null)).thenReturn(List.of(
                host(1, "LXC", "unix:///var/lib/lxd/unix.socket?networking=bridge")));
        when(nics.nicsOf(List.of())).thenReturn(List.of());
        when(groups.ofVms(List.of())).thenReturn(Map.of());
        listener.getValue().accept(event("VM.EXEC"));
        Thread.sleep(300);
        assertEquals("a command run in a VM changes no rule", 0, nftInput.size());
        listener.getValue().accept(event("SG.REVOKE.INGRESS"));
        long deadline = System.currentTimeMillis() + 5000;
        while (nftInput.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, nftInput.size());
        firewall.close();
    }

    private static EventService.Event event(String type) {
        return new EventService.Event("e", type, "INFO", "Completed", "", 2, 2, "SecurityGroup", "g", Instant.EPOCH);
    }

    @Test
    public void theTableNameMustBeAPlainNftName() {
        assertEquals("t1", firewall.table());
        assertThrows(IllegalArgumentException.class, () -> new GuestFirewall(hosts, vms, nics, networks, groups,
                rules, settings, events, ServerConfig.of(Path.of("/nonexistent"), Map.of(GuestFirewall.TABLE,
                "t1; flush ruleset")), new GuestBridges((c, in) -> null), (c, in) -> null));
    }
}
