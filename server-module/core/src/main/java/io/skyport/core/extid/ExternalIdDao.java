package io.skyport.core.extid;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ids compatibility APIs show for core resources, and the client tokens of their idempotent
 * requests. An id is minted the first time a resource is shown and kept for its lifetime, so
 * clients that stored it can use it again after restarts and upgrades.
 */
@Repository
public class ExternalIdDao {
    private static final int IN_CHUNK = 500;
    private final JdbcTemplate jdbc;

    public ExternalIdDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The core resource an external id names, with the account owning it. */
    public record Mapping(String uuid, long accountId) {
    }

    public Optional<Mapping> resolve(String api, String kind, String externalId) {
        return Rows.one(jdbc, "SELECT uuid, account_id FROM external_ids WHERE api = ? AND external_id = ? AND kind = ?",
                (rs, n) -> new Mapping(rs.getString(1), rs.getLong(2)), api, externalId, kind);
    }

    /** All resources sharing one external id (the instances of a reservation). */
    public List<String> resolveAll(String api, String kind, String externalId) {
        return jdbc.queryForList("SELECT uuid FROM external_ids WHERE api = ? AND external_id = ? AND kind = ? "
                + "ORDER BY created, uuid", String.class, api, externalId, kind);
    }

    public Optional<String> find(String api, String kind, String uuid) {
        return Rows.one(jdbc, "SELECT external_id FROM external_ids WHERE api = ? AND kind = ? AND uuid = ?",
                (rs, n) -> rs.getString(1), api, kind, uuid);
    }

    /** External ids of several resources of one kind, by uuid; resources without one are absent. */
    public Map<String, String> findAll(String api, String kind, Collection<String> uuids) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(uuids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            List<Object> args = new ArrayList<>(chunk.size() + 2);
            args.add(api);
            args.add(kind);
            args.addAll(chunk);
            String marks = String.join(",", chunk.stream().map(u -> "?").toList());
            jdbc.query("SELECT uuid, external_id FROM external_ids WHERE api = ? AND kind = ? AND uuid IN (" + marks
                    + ")", rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    }, args.toArray());
        }
        return out;
    }

    /**
     * The resource's external id, minting one from {@code generator} the first time. Two callers
     * racing to mint agree on whichever was stored first.
     */
    public String obtain(String api, String kind, String uuid, long accountId, Supplier<String> generator) {
        Optional<String> known = find(api, kind, uuid);
        if (known.isPresent()) {
            return known.get();
        }
        String minted = generator.get();
        try {
            assign(api, kind, uuid, minted, accountId);
            return minted;
        } catch (DuplicateKeyException raced) {
            return find(api, kind, uuid).orElseThrow(() -> raced);
        }
    }

    /** Records a given external id for a resource (one id shared by several resources). */
    public void assign(String api, String kind, String uuid, String externalId, long accountId) {
        jdbc.update("INSERT INTO external_ids (api, kind, uuid, external_id, account_id, created) VALUES (?, ?, ?, ?, ?, ?)",
                api, kind, uuid, externalId, accountId, Db.ts(Instant.now()));
    }

    public void forget(String api, String kind, String uuid) {
        jdbc.update("DELETE FROM external_ids WHERE api = ? AND kind = ? AND uuid = ?", api, kind, uuid);
    }

    /** A recorded client token: the hash of the request that first used it and what that request made. */
    public record Token(String requestHash, String result) {
    }

    public Optional<Token> token(String api, long accountId, String token) {
        return Rows.one(jdbc, "SELECT request_hash, result FROM idempotency_tokens WHERE api = ? AND account_id = ? "
                + "AND token = ?", (rs, n) -> new Token(rs.getString(1), rs.getString(2)), api, accountId, token);
    }

    /** An account's client tokens by what their requests made ({@code result}). */
    public Map<String, String> tokensByResult(String api, long accountId) {
        Map<String, String> out = new HashMap<>();
        jdbc.query("SELECT token, result FROM idempotency_tokens WHERE api = ? AND account_id = ?", rs -> {
            if (rs.getString(2) != null) {
                out.put(rs.getString(2), rs.getString(1));
            }
        }, api, accountId);
        return out;
    }

    /** Records a token; false when another request recorded it first. */
    public boolean recordToken(String api, long accountId, String token, String requestHash, String result) {
        try {
            jdbc.update("INSERT INTO idempotency_tokens (api, account_id, token, request_hash, result, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", api, accountId, token, requestHash, result, Db.ts(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
