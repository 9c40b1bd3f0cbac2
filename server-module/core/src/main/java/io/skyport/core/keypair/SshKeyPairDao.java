package io.skyport.core.keypair;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.skyport.core.identity.Visibility;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class SshKeyPairDao {
    private final JdbcTemplate jdbc;

    public SshKeyPairDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static SshKeyPair map(ResultSet rs, int n) throws SQLException {
        return new SshKeyPair(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"), rs.getLong("account_id"),
                rs.getLong("domain_id"), rs.getString("public_key"), rs.getString("fingerprint"),
                Db.instant(rs, "created"));
    }

    public long insert(String uuid, String name, long accountId, long domainId, String publicKey, String fingerprint) {
        return Rows.insert(jdbc, "INSERT INTO ssh_keypairs (uuid, name, account_id, domain_id, public_key, fingerprint, "
                + "created) VALUES (?, ?, ?, ?, ?, ?, ?)", uuid, name, accountId, domainId, publicKey, fingerprint,
                Instant.now());
    }

    public List<SshKeyPair> list(Visibility v, String name, String fingerprint, String keyword, int offset,
                                 int limit) {
        Rows.Where w = where(v, name, fingerprint, keyword, "SELECT k.*");
        return jdbc.query(w.sql() + " ORDER BY k.id LIMIT ? OFFSET ?", SshKeyPairDao::map, w.args(limit, offset));
    }

    public long count(Visibility v, String name, String fingerprint, String keyword) {
        Rows.Where w = where(v, name, fingerprint, keyword, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    private static Rows.Where where(Visibility v, String name, String fingerprint, String keyword, String select) {
        Rows.Where w = new Rows.Where(select + " FROM ssh_keypairs k JOIN domains d ON d.id = k.domain_id WHERE 1 = 1")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("k.account_id = ?", v.onlyAccountId()).and("k.name = ?", name)
                .and("k.fingerprint = ?", fingerprint)
                .and("k.name LIKE ?", keyword == null ? null : Db.likeContains(keyword));
        return w;
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM ssh_keypairs WHERE id = ?", id);
    }

    public Optional<SshKeyPair> findByName(long accountId, String name) {
        return Rows.one(jdbc, "SELECT * FROM ssh_keypairs WHERE account_id = ? AND name = ?", SshKeyPairDao::map,
                accountId, name);
    }
}
