package io.skyport.core.resource;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.Role;
import io.skyport.plugin.Setting;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-account usage counters and limits. A reservation checks the limit and increments the
 * counter in one statement, so concurrent deploys cannot both slip under the limit; it must run
 * in the transaction that creates the resource so a failure undoes both.
 */
@Component
public class ResourceCounter {
    private final JdbcTemplate jdbc;
    private final SettingService settings;
    private final AccountDao accounts;

    public ResourceCounter(JdbcTemplate jdbc, SettingService settings, AccountDao accounts, EventService events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.accounts = accounts;
        // counter rows exist from the account's creation on, so reservations only ever update them:
        // creating them on first use would race (and deadlock on MariaDB) between concurrent deploys
        events.subscribe(e -> {
            if ("ACCOUNT.CREATE".equals(e.type()) && e.resourceUuid() != null) {
                accounts.findByUuid(e.resourceUuid()).ifPresent(a -> initAccount(a.id()));
            }
        });
        for (ResourceType t : ResourceType.values()) {
            if (t.limitSetting() != null) {
                settings.declare(t.limitSetting());
            }
        }
    }

    /** Adds {@code amount} to the account's counter, failing with RESOURCE_LIMIT when it would exceed the limit. */
    public void reserve(long accountId, ResourceType type, long amount) {
        reserve(accountId, Map.of(type, amount));
    }

    /**
     * Reserves several counters of one account at once (deploy takes vm, cpu, memory, volume):
     * the account's limits are read once. Must run in the caller's transaction, so a refusal of
     * one counter undoes the others.
     */
    public void reserve(long accountId, Map<ResourceType, Long> amounts) {
        boolean admin = accounts.findById(accountId).map(a -> a.role() == Role.ADMIN).orElse(false);
        Map<String, Long> explicit = new java.util.HashMap<>();
        jdbc.query("SELECT resource_type, max_amount FROM resource_limits WHERE account_id = ?",
                rs -> {
                    explicit.put(rs.getString(1), rs.getLong(2));
                }, accountId);
        for (Map.Entry<ResourceType, Long> e : amounts.entrySet()) {
            ResourceType type = e.getKey();
            long amount = e.getValue();
            long limit = -1;
            if (type.limitSetting() != null) {
                limit = explicit.containsKey(type.key()) ? explicit.get(type.key())
                        : admin ? -1 : settings.get(type.limitSetting(), Setting.Scope.ACCOUNT, accountId);
            }
            if (add(accountId, type, amount, limit) == 0) {
                ensureRow(accountId, type);
                if (add(accountId, type, amount, limit) == 0) {
                    throw new ApiException(ApiError.RESOURCE_LIMIT, "Maximum number of resources of type '"
                            + type.key() + "' for account has been exceeded (limit " + limit + ")");
                }
            }
        }
    }

    private int add(long accountId, ResourceType type, long amount, long limit) {
        return limit < 0
                ? jdbc.update("UPDATE resource_counts SET amount = amount + ? WHERE account_id = ? AND resource_type = ?",
                        amount, accountId, type.key())
                : jdbc.update("UPDATE resource_counts SET amount = amount + ? WHERE account_id = ? AND resource_type = ? "
                        + "AND amount + ? <= ?", amount, accountId, type.key(), amount, limit);
    }

    public void release(long accountId, ResourceType type, long amount) {
        jdbc.update("UPDATE resource_counts SET amount = GREATEST(0, amount - ?) WHERE account_id = ? "
                + "AND resource_type = ?", amount, accountId, type.key());
    }

    public long count(long accountId, ResourceType type) {
        List<Long> v = jdbc.queryForList("SELECT amount FROM resource_counts WHERE account_id = ? AND resource_type = ?",
                Long.class, accountId, type.key());
        return v.isEmpty() ? 0 : v.get(0);
    }

    /** Sum over all accounts (admin listings). */
    public long total(ResourceType type) {
        Long v = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM resource_counts WHERE resource_type = ?",
                Long.class, type.key());
        return v == null ? 0 : v;
    }

    public Map<ResourceType, Long> usage(long accountId) {
        Map<ResourceType, Long> out = new EnumMap<>(ResourceType.class);
        jdbc.query("SELECT resource_type, amount FROM resource_counts WHERE account_id = ?", rs -> {
            for (ResourceType t : ResourceType.values()) {
                if (t.key().equals(rs.getString(1))) {
                    out.put(t, rs.getLong(2));
                }
            }
        }, accountId);
        return out;
    }

    /** -1 means unlimited (administrators, and counters that are not limits). */
    public long limit(long accountId, ResourceType type) {
        if (type.limitSetting() == null) {
            return -1;
        }
        List<Long> explicit = jdbc.queryForList("SELECT max_amount FROM resource_limits WHERE account_id = ? "
                + "AND resource_type = ?", Long.class, accountId, type.key());
        if (!explicit.isEmpty()) {
            return explicit.get(0);
        }
        boolean admin = accounts.findById(accountId).map(a -> a.role() == Role.ADMIN).orElse(false);
        return admin ? -1 : settings.get(type.limitSetting(), Setting.Scope.ACCOUNT, accountId);
    }

    public void setLimit(long accountId, ResourceType type, long max) {
        if (jdbc.update("UPDATE resource_limits SET max_amount = ? WHERE account_id = ? AND resource_type = ?", max,
                accountId, type.key()) == 0) {
            jdbc.update("INSERT INTO resource_limits (account_id, resource_type, max_amount) VALUES (?, ?, ?)",
                    accountId, type.key(), max);
        }
    }

    /**
     * Rebuilds every counter from the rows it counts. Run at start-up after recovery, so a crash
     * between a resource change and its counter update can never leave the books wrong.
     */
    public void recomputeAll() {
        jdbc.update("DELETE FROM resource_counts");
        for (ResourceType t : ResourceType.values()) {
            jdbc.update("INSERT INTO resource_counts (account_id, resource_type, amount) SELECT id, ?, 0 FROM accounts "
                    + "WHERE removed IS NULL", t.key());
        }
        String live = "removed IS NULL AND state NOT IN ('Destroyed', 'Expunging', 'Error')";
        recompute(ResourceType.USER_VM, "SELECT account_id, COUNT(*) FROM vms WHERE " + live + " GROUP BY account_id");
        recompute(ResourceType.CPU, "SELECT account_id, SUM(cpus) FROM vms WHERE " + live + " GROUP BY account_id");
        recompute(ResourceType.MEMORY, "SELECT account_id, SUM(memory_mb) FROM vms WHERE " + live
                + " GROUP BY account_id");
        recompute(ResourceType.VM_ROWS, "SELECT account_id, COUNT(*) FROM vms WHERE removed IS NULL GROUP BY account_id");
        recompute(ResourceType.VOLUME, "SELECT account_id, COUNT(*) FROM volumes WHERE removed IS NULL "
                + "GROUP BY account_id");
        // only data volumes reserve primary storage (ROOT volumes come with the VM's template)
        recompute(ResourceType.PRIMARY_STORAGE, "SELECT account_id, SUM(FLOOR(size_bytes / 1073741824)) FROM volumes "
                + "WHERE removed IS NULL AND volume_type = 'DATADISK' GROUP BY account_id");
        recompute(ResourceType.PUBLIC_IP, "SELECT account_id, COUNT(*) FROM public_ips WHERE account_id IS NOT NULL "
                + "GROUP BY account_id");
    }

    private void recompute(ResourceType type, String sql) {
        jdbc.query(sql, rs -> {
            jdbc.update("UPDATE resource_counts SET amount = ? WHERE account_id = ? AND resource_type = ?",
                    rs.getLong(2), rs.getLong(1), type.key());
        });
    }

    /** Zero counters for a new account. */
    public void initAccount(long accountId) {
        for (ResourceType t : ResourceType.values()) {
            ensureRow(accountId, t);
        }
    }

    private void ensureRow(long accountId, ResourceType type) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM resource_counts WHERE account_id = ? AND resource_type = ?",
                Long.class, accountId, type.key()) == 0) {
            try {
                jdbc.update("INSERT INTO resource_counts (account_id, resource_type, amount) VALUES (?, ?, 0)",
                        accountId, type.key());
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // created concurrently: fine
            }
        }
    }
}
