package io.skyport.core.event;

import io.skyport.core.db.Db;
import io.skyport.plugin.CallContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records events (every state change and admin action) and publishes them on the in-process
 * bus that the UI and metrics listen to.
 */
public class EventService {
    /** The event of a VM whose rows are removed. */
    public static final String VM_EXPUNGE = "VM.EXPUNGE";
    private static final Logger LOG = LogManager.getLogger("io.skyport.events");
    private final JdbcTemplate jdbc;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    public record Event(String uuid, String type, String level, String state, String description, long accountId,
                        long userId, String resourceType, String resourceUuid, Instant created) {
    }

    public EventService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void subscribe(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /**
     * Calls {@code forget} with the uuid of each VM expunged, inside the transaction that removes
     * the VM's rows ({@value #VM_EXPUNGE} is recorded in it), so what a plugin keeps about the VM
     * goes with the core's rows, or stays with them if that transaction rolls back.
     */
    public void onVmExpunged(Consumer<String> forget) {
        subscribe(e -> {
            if (VM_EXPUNGE.equals(e.type()) && e.resourceUuid() != null) {
                forget.accept(e.resourceUuid());
            }
        });
    }

    public Event record(CallContext caller, String type, String description, String resourceType, String resourceUuid) {
        return record(caller, type, "INFO", "Completed", description, resourceType, resourceUuid);
    }

    public Event record(CallContext caller, String type, String level, String state, String description,
                        String resourceType, String resourceUuid) {
        Event e = new Event(UUID.randomUUID().toString(), type, level, state, truncate(description),
                caller.accountId(), caller.userId(), resourceType, resourceUuid, Instant.now());
        jdbc.update("INSERT INTO events (uuid, type, level, state, description, account_id, user_id, resource_type, "
                        + "resource_uuid, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.uuid(), e.type(), e.level(), e.state(), e.description(), e.accountId(), e.userId(),
                e.resourceType(), e.resourceUuid(), Db.ts(e.created()));
        LOG.info("event type={} level={} account={} resource={}:{} {}", type, level, caller.accountName(),
                resourceType, resourceUuid, e.description());
        for (Consumer<Event> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("event listener failed: {}", ex.toString());
            }
        }
        return e;
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
