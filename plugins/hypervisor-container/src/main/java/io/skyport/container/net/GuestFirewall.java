package io.skyport.container.net;

import io.skyport.container.HostOptions;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.event.AdminAudit;
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
import io.skyport.plugin.StartupHook;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enforces security groups on the instances of bridged container hosts ({@code networking=bridge})
 * with one nftables table, rebuilt whole from the database ({@link NftRuleset}) whenever what it is
 * made of may have changed: at server start, after every recorded event (VM power changes, rule
 * changes whichever API made them: all go through the core's services, which publish events), and every
 * {@value #PERIOD_SECONDS} s as a safety net. A rebuild is queued after the change's transaction
 * commits and requests coalesce, so a burst of changes costs one {@code nft -f -}.
 *
 * <p>The table's name is {@code skyport.network.nft.table} (default {@value #DEFAULT_TABLE}). A server
 * without bridged hosts does not touch nftables at all; with no instance on them, the table is removed.
 */
public class GuestFirewall implements StartupHook, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(GuestFirewall.class);
    public static final String TABLE = "skyport.network.nft.table";
    static final String DEFAULT_TABLE = "skyport";
    /** The metadata listener's port, a core setting; read by name, with its default when undeclared. */
    static final String METADATA_PORT = "metadata.port";
    static final int DEFAULT_METADATA_PORT = 8775;
    static final String CONFIGURED_METADATA_PORT = "skyport.metadata.port";
    static final long PERIOD_SECONDS = 30;
    private static final Set<String> CONTAINER_TYPES = Set.of("Docker", "LXC");
    private static final List<VmState> PLACED = List.of(VmState.Starting, VmState.Running);

    private final HostDao hosts;
    private final VmDao vms;
    private final NicDao nics;
    private final NetworkDao networks;
    private final SecurityGroupDao groups;
    private final SecurityGroupRuleDao rules;
    private final SettingService settings;
    private final GuestBridges bridges;
    private final HostCommands commands;
    private final String table;
    private final ServerConfig config;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skyport-guest-firewall");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean applied;
    private volatile String lastText;

    public GuestFirewall(HostDao hosts, VmDao vms, NicDao nics, NetworkDao networks, SecurityGroupDao groups,
                         SecurityGroupRuleDao rules, SettingService settings, EventService events, ServerConfig config,
                         GuestBridges bridges, HostCommands commands) {
        this.hosts = hosts;
        this.vms = vms;
        this.nics = nics;
        this.networks = networks;
        this.groups = groups;
        this.rules = rules;
        this.settings = settings;
        this.bridges = bridges;
        this.commands = commands;
        this.config = config;
        this.table = config.get(TABLE, DEFAULT_TABLE);
        if (!table.matches("[A-Za-z][A-Za-z0-9_]{0,30}")) {
            throw new IllegalArgumentException(TABLE + " must be a plain nft table name, not " + table);
        }
        events.subscribe(this::onEvent);
    }

    /** The driver's start: the ruleset is rebuilt from the database before anything else may rely on it. */
    @Override
    public void serverStarted() {
        rebuild();
        worker.scheduleWithFixedDelay(this::request, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Any recorded change may move an address or a rule: VM power changes, rule changes, and
     * memberships a compatibility API derives from other resources (GCE firewalls follow instance
     * tags). Commands run in a VM change none of it, and neither does an audit record (what the
     * audited call changed has its own event). Requests coalesce, so this costs little.
     */
    private void onEvent(EventService.Event e) {
        if (!e.type().equals("VM.EXEC") && !e.type().equals(AdminAudit.TYPE)) {
            afterCommit(this::request);
        }
    }

    /** Runs {@code r} once the current transaction (if any) has committed, so the rebuild reads the change. */
    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    /** Queues a rebuild unless one is queued and not yet started. */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                rebuild();
            });
        }
    }

    /** Reads the model, makes the bridges and writes the ruleset; failures are logged, the next rebuild retries. */
    public synchronized void rebuild() {
        try {
            List<Host> bridgedHosts = bridgedHosts();
            if (bridgedHosts.isEmpty() && !applied) {
                return;
            }
            NftRuleset.Model model = model(bridgedHosts);
            boolean any = !model.instances().isEmpty();
            for (GuestBridge b : model.bridges()) {
                bridges.ensure(b);
            }
            // no instance left: the table goes (written whether or not it exists, so a stale one goes too)
            String text = any ? NftRuleset.render(model) : NftRuleset.remove(table);
            HostCommands.Result r = commands.run(List.of("nft", "-f", "-"), text);
            if (!r.ok()) {
                LOG.warn("could not write the nft table {}: {}", table, r.output());
                return;
            }
            applied = any;
            if (!text.equals(lastText)) {
                LOG.info("nft table {} rebuilt: {} instances on {} guest bridges", table, model.instances().size(),
                        model.bridges().size());
            }
            lastText = text;
        } catch (RuntimeException e) {
            LOG.warn("rebuild of the guest firewall failed: {}", e.toString());
        }
    }

    private List<Host> bridgedHosts() {
        return hosts.hosts(null, null, null, null, null, null).stream()
                .filter(h -> CONTAINER_TYPES.contains(h.hypervisor()) && bridged(h)).toList();
    }

    /**
     * What the table is made of, read from the database: the instances placed on bridged hosts, and
     * the bridges of their networks (a network with no instance here needs neither bridge nor rules).
     */
    NftRuleset.Model model(List<Host> bridgedHosts) {
        Map<String, GuestBridge> bridgeByNetwork = new LinkedHashMap<>();
        List<Vm> placed = new ArrayList<>();
        for (Host h : bridgedHosts) {
            for (VmState s : PLACED) {
                placed.addAll(vms.inStateOnHost(s, h.id()));
            }
        }
        List<Long> ids = placed.stream().map(Vm::id).toList();
        Map<Long, List<SecurityGroup>> groupsOf = groups.ofVms(ids);
        Map<Long, List<SecurityGroupRule>> rulesOf = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        Map<Long, String> groupUuid = new HashMap<>();
        List<NftRuleset.Instance> instances = new ArrayList<>();
        Map<Long, List<Nic>> nicsOf = new HashMap<>();
        for (Nic n : nics.nicsOf(ids)) {
            nicsOf.computeIfAbsent(n.vmId(), k -> new ArrayList<>()).add(n);
        }
        for (Vm vm : placed) {
            for (Nic nic : nicsOf.getOrDefault(vm.id(), List.of())) {
                if (nic.ipAddress() == null) {
                    continue;
                }
                networks.find(nic.networkId()).ifPresent(n -> bridgeOf(n, bridgeByNetwork));
                List<NftRuleset.Rule> ingress = new ArrayList<>();
                List<NftRuleset.Rule> egress = new ArrayList<>();
                for (SecurityGroup g : groupsOf.getOrDefault(vm.id(), List.of())) {
                    for (SecurityGroupRule r : rulesOf.computeIfAbsent(g.id(), rules::ofGroup)) {
                        String peer = null;
                        if (r.sourceGroupId() != null) {
                            peer = groupUuid.computeIfAbsent(r.sourceGroupId(), this::groupUuidOf);
                            if (peer == null) {
                                continue;
                            }
                            members.computeIfAbsent(peer, k -> memberAddresses(r.sourceGroupId()));
                        }
                        NftRuleset.Rule rule = new NftRuleset.Rule(r.protocol(), r.startPort(), r.endPort(),
                                r.icmpType(), r.icmpCode(), r.cidr(), peer);
                        ("egress".equals(r.direction()) ? egress : ingress).add(rule);
                    }
                }
                instances.add(new NftRuleset.Instance(vm.uuid(), nic.ipAddress(), ingress, egress));
            }
        }
        return new NftRuleset.Model(table, bridgeByNetwork.values(), instances, members, metadataPort());
    }

    private static void bridgeOf(Network n, Map<String, GuestBridge> out) {
        if (!out.containsKey(n.uuid())) {
            try {
                out.put(n.uuid(), GuestBridge.of(n.uuid(), n.cidr(), n.gateway()));
            } catch (IllegalArgumentException outside) {
                LOG.warn("guest network {} is not bridged: {}", n.name(), outside.getMessage());
            }
        }
    }

    private String groupUuidOf(long groupId) {
        return groups.find(groupId).map(SecurityGroup::uuid).orElse(null);
    }

    /** Addresses of the group's members, wherever they run: a source group matches its members' traffic. */
    private List<String> memberAddresses(long groupId) {
        List<Long> ids = new ArrayList<>();
        for (String uuid : groups.memberUuids(groupId)) {
            vms.findByUuid(uuid).ifPresent(v -> ids.add(v.id()));
        }
        return nics.nicsOf(ids).stream().map(Nic::ipAddress).filter(a -> a != null).toList();
    }

    static boolean bridged(Host h) {
        try {
            return HostOptions.of(URI.create(h.url()), Map.of()).bridged();
        } catch (RuntimeException bad) {
            return false;
        }
    }

    /**
     * Where the metadata listener is: the port it opened (the configuration may ask for any free
     * one), else what it was told to use ({@code skyport.metadata.port}, then the setting
     * {@code metadata.port}), else the setting's default.
     */
    int metadataPort() {
        if (config.boundMetadataPort() > 0) {
            return config.boundMetadataPort();
        }
        int setting = settings.find(METADATA_PORT).map(s -> {
            Object v = settings.get(s);
            return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim());
        }).orElse(DEFAULT_METADATA_PORT);
        int configured = config.getInt(CONFIGURED_METADATA_PORT, setting);
        return configured > 0 ? configured : DEFAULT_METADATA_PORT;
    }

    public String table() {
        return table;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
