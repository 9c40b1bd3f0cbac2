package io.skyport.core.cluster;

import io.skyport.core.db.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This management server's row in {@code mshost}, kept alive by a heartbeat. Other nodes read
 * the heartbeats to find dead peers whose jobs they must take over.
 */
public class ManagementNode implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ManagementNode.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final String version;
    private final ScheduledExecutorService timer;
    private volatile long id;
    private volatile String address;

    public ManagementNode(JdbcTemplate jdbc, String nodeId, String version) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.version = version;
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
        timer.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("management server node {} (id {}) is up", nodeId, id);
    }

    private void beat() {
        try {
            jdbc.update("UPDATE mshost SET last_heartbeat = ?, state = 'Up' WHERE id = ?", Db.ts(Instant.now()), id);
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed: {}", e.toString());
        }
    }

    /** Nodes whose heartbeat is older than {@link #DEAD_AFTER}. */
    public List<Long> deadPeers() {
        return jdbc.queryForList("SELECT id FROM mshost WHERE id <> ? AND last_heartbeat < ?", Long.class, id,
                Db.ts(Instant.now().minus(DEAD_AFTER)));
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
        try {
            jdbc.update("UPDATE mshost SET state = 'Down' WHERE id = ?", id);
        } catch (RuntimeException e) {
            LOG.warn("could not mark node down: {}", e.toString());
        }
    }
}
