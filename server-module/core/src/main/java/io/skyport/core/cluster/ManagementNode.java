package io.skyport.core.cluster;

import io.skyport.core.db.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This management server's row in {@code mshost}, kept alive by a heartbeat. Each beat also
 * renews this node's leases: on its pending jobs ({@code async_job.lease_until}) and on the hosts
 * it monitors ({@code hosts.mgmt_node}/{@code mgmt_lease_until}), and claims hosts nobody holds.
 * A lease that is not renewed within {@link #lease()} lets another live node take the job or host
 * over. A beat that cannot reach the database makes the node not ready: it stops claiming work
 * until a beat succeeds again (the pool reconnects on its own when the database returns).
 */
public class ManagementNode implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ManagementNode.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(30);
    /** Default lease: four missed beats, so one slow beat never loses a lease. */
    public static final Duration LEASE = Duration.ofSeconds(20);

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final String version;
    private final Duration heartbeat;
    private final Duration lease;
    private final ScheduledExecutorService timer;
    private volatile long id;
    private volatile String address;
    private volatile boolean ready;
    private volatile Set<Long> ownedHosts = Set.of();

    public ManagementNode(JdbcTemplate jdbc, String nodeId, String version) {
        this(jdbc, nodeId, version, HEARTBEAT, LEASE);
    }

    public ManagementNode(JdbcTemplate jdbc, String nodeId, String version, Duration heartbeat, Duration lease) {
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the lease (" + lease + ") must last at least two heartbeats ("
                    + heartbeat + ")");
        }
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.version = version;
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyport-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers (or re-registers after a restart) and starts the heartbeat. */
    public void start(String address) {
        this.address = address;
        Instant now = Instant.now();
        int n = jdbc.update("UPDATE mshost SET address = ?, version = ?, state = 'Up', started = ?, last_heartbeat = ? "
                + "WHERE node_id = ?", address, version, Db.ts(now), Db.ts(now), nodeId);
        if (n == 0) {
            jdbc.update("INSERT INTO mshost (node_id, address, version, state, started, last_heartbeat) "
                    + "VALUES (?, ?, ?, 'Up', ?, ?)", nodeId, address, version, Db.ts(now), Db.ts(now));
        }
        id = jdbc.queryForObject("SELECT id FROM mshost WHERE node_id = ?", Long.class, nodeId);
        renewLeases(now);
        ready = true;
        timer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("management server node {} (id {}) is up; heartbeat {} ms, lease {} ms", nodeId, id,
                heartbeat.toMillis(), lease.toMillis());
    }

    void beat() {
        try {
            Instant now = Instant.now();
            jdbc.update("UPDATE mshost SET last_heartbeat = ?, state = 'Up' WHERE id = ?", Db.ts(now), id);
            renewLeases(now);
            if (!ready) {
                LOG.warn("node {} reached the database again: taking work again", nodeId);
            }
            ready = true;
        } catch (RuntimeException e) {
            if (ready) {
                LOG.error("node {} lost the database, it takes no work until it returns: {}", nodeId, e.toString());
            }
            ready = false;
            // the host leases run out meanwhile; another node may monitor them now
            ownedHosts = Set.of();
        }
    }

    private void renewLeases(Instant now) {
        Object until = Db.ts(now.plus(lease));
        jdbc.update("UPDATE async_job SET lease_until = ? WHERE owner_node = ? AND status = 0", until, id);
        jdbc.update("UPDATE hosts SET mgmt_node = ?, mgmt_lease_until = ? WHERE removed IS NULL AND (mgmt_node = ? "
                + "OR mgmt_node IS NULL OR mgmt_lease_until IS NULL OR mgmt_lease_until < ?)", id, until, id,
                Db.ts(now));
        Set<Long> owned = Set.copyOf(jdbc.queryForList("SELECT id FROM hosts WHERE removed IS NULL AND mgmt_node = ?",
                Long.class, id));
        if (!owned.equals(ownedHosts)) {
            LOG.info("node {} now monitors host(s) {}", nodeId, owned);
        }
        ownedHosts = owned;
    }

    /**
     * Claims a host this node has just added, unless another node holds it, so that the host is
     * monitored and reconciled from the start rather than from the next beat.
     */
    public void claimHost(String hostUuid) {
        if (!ready) {
            return;
        }
        Instant now = Instant.now();
        jdbc.update("UPDATE hosts SET mgmt_node = ?, mgmt_lease_until = ? WHERE uuid = ? AND removed IS NULL AND "
                + "(mgmt_node IS NULL OR mgmt_lease_until IS NULL OR mgmt_lease_until < ?)", id,
                Db.ts(now.plus(lease)), hostUuid, Db.ts(now));
        ownedHosts = Set.copyOf(jdbc.queryForList("SELECT id FROM hosts WHERE removed IS NULL AND mgmt_node = ?",
                Long.class, id));
    }

    /** Nodes whose heartbeat is older than {@link #DEAD_AFTER}. */
    public List<Long> deadPeers() {
        return jdbc.queryForList("SELECT id FROM mshost WHERE id <> ? AND last_heartbeat < ?", Long.class, id,
                Db.ts(Instant.now().minus(DEAD_AFTER)));
    }

    /** How many other nodes are up: state Up and a heartbeat within one lease. */
    public int livePeers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mshost WHERE id <> ? AND state = 'Up' AND last_heartbeat >= ?",
                Integer.class, id, Db.ts(Instant.now().minus(lease)));
    }

    /**
     * Whether this node monitors and reconciles a host: it holds the host's lease. Hosts added
     * since the last beat are claimed by the next one.
     */
    public boolean owns(long hostId) {
        return ownedHosts.contains(hostId);
    }

    /** False while the heartbeat cannot reach the database: the node then claims no work. */
    public boolean ready() {
        return ready;
    }

    public Duration lease() {
        return lease;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    public long id() {
        return id;
    }

    public String nodeId() {
        return nodeId;
    }

    /** host:port this node serves on, once started. */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        ready = false;
        try {
            jdbc.update("UPDATE mshost SET state = 'Down' WHERE id = ?", id);
            // a clean stop hands its hosts over at once instead of after the lease
            jdbc.update("UPDATE hosts SET mgmt_node = NULL, mgmt_lease_until = NULL WHERE mgmt_node = ?", id);
        } catch (RuntimeException e) {
            LOG.warn("could not mark node down: {}", e.toString());
        }
    }
}
