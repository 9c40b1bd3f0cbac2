package io.skyport.core.keypair;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    public Optional<SshKeyPair> findByName(long accountId, String name) {
        return Rows.one(jdbc, "SELECT * FROM ssh_keypairs WHERE account_id = ? AND name = ?", SshKeyPairDao::map,
                accountId, name);
    }
}
