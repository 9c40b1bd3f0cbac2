package io.skyport.core.publicip;

import io.skyport.core.db.Rows;
import io.skyport.core.network.Ipv4;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Public IP ranges of a zone and the addresses in them. */
@Repository
public class PublicIpDao {
    private final JdbcTemplate jdbc;

    public PublicIpDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static PublicIp map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PublicIp(rs.getLong("id"), rs.getString("uuid"), rs.getLong("zone_id"), rs.getLong("range_id"),
                rs.getString("address"), rs.getString("state"), io.skyport.core.db.Db.nullableLong(rs, "account_id"),
                io.skyport.core.db.Db.nullableLong(rs, "domain_id"), io.skyport.core.db.Db.nullableLong(rs, "vm_id"),
                io.skyport.core.db.Db.instant(rs, "allocated"));
    }

    public java.util.Optional<PublicIp> find(long id) {
        return Rows.one(jdbc, "SELECT * FROM public_ips WHERE id = ?", PublicIpDao::map, id);
    }

    public java.util.Optional<PublicIp> findByUuid(String uuid) {
        return Rows.one(jdbc, "SELECT * FROM public_ips WHERE uuid = ?", PublicIpDao::map, uuid);
    }

    /**
     * Takes the lowest Free address of the zone for the account. The conditional update makes a
     * concurrent taker of the same row lose and try the next one.
     */
    public java.util.Optional<Long> allocate(long zoneId, long accountId, long domainId) {
        for (int attempt = 0; attempt < 8; attempt++) {
            java.util.List<Long> free = jdbc.queryForList("SELECT id FROM public_ips WHERE zone_id = ? AND state = 'Free' "
                    + "ORDER BY id LIMIT 8", Long.class, zoneId);
            if (free.isEmpty()) {
                return java.util.Optional.empty();
            }
            for (long id : free) {
                if (jdbc.update("UPDATE public_ips SET state = 'Allocated', account_id = ?, domain_id = ?, allocated = ? "
                        + "WHERE id = ? AND state = 'Free'", accountId, domainId,
                        io.skyport.core.db.Db.ts(Instant.now()), id) == 1) {
                    return java.util.Optional.of(id);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Frees an address still held by the account; false when a concurrent release got there first. */
    public boolean release(long id, long accountId) {
        return jdbc.update("UPDATE public_ips SET state = 'Free', account_id = NULL, domain_id = NULL, vm_id = NULL, "
                + "allocated = NULL WHERE id = ? AND account_id = ? AND state = 'Allocated'", id, accountId) == 1;
    }

    /** Points the address at a VM only if it points nowhere yet (concurrent enables: one wins). */
    public boolean enableStaticNat(long id, long vmId) {
        return jdbc.update("UPDATE public_ips SET vm_id = ? WHERE id = ? AND vm_id IS NULL AND state = 'Allocated'",
                vmId, id) == 1;
    }

    public boolean disableStaticNat(long id) {
        return jdbc.update("UPDATE public_ips SET vm_id = NULL WHERE id = ? AND vm_id IS NOT NULL", id) == 1;
    }

    /** The address static-NATed to a VM, if any (a VM has at most one). */
    /** The static NAT addresses of many VMs in one query. */
    public java.util.List<PublicIp> staticNatOfVms(java.util.List<Long> vmIds) {
        if (vmIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.query("SELECT * FROM public_ips WHERE vm_id IN (" + io.skyport.core.db.Db.idList(vmIds) + ")",
                PublicIpDao::map);
    }

    public java.util.Optional<PublicIp> staticNatOf(long vmId) {
        return Rows.one(jdbc, "SELECT * FROM public_ips WHERE vm_id = ?", PublicIpDao::map, vmId);
    }

    /** Unlinks a VM that is going away from its static NAT address; the address stays with the account. */
    public void clearStaticNatOf(long vmId) {
        jdbc.update("UPDATE public_ips SET vm_id = NULL WHERE vm_id = ?", vmId);
    }

    /**
     * Filter of listPublicIpAddresses; every field but the visibility optional. An address is
     * associated with its zone's default guest network, so {@code networkId} selects by zone.
     */
    public record Query(io.skyport.core.identity.Visibility visibility, Long id, Long zoneId, String address,
                        Boolean staticNat, Long networkId, String keyword) {
        public Query(io.skyport.core.identity.Visibility visibility, Long id, Long zoneId, String address,
                     Boolean staticNat) {
            this(visibility, id, zoneId, address, staticNat, null, null);
        }
    }

    /** Allocated addresses visible in a domain subtree (optionally one account). */
    public java.util.List<PublicIp> listAllocated(Query q, int offset, int limit) {
        Rows.Where w = allocated(q, "SELECT p.*");
        return jdbc.query(w.sql() + " ORDER BY p.id LIMIT ? OFFSET ?", PublicIpDao::map, w.args(limit, offset));
    }

    public long countAllocated(Query q) {
        Rows.Where w = allocated(q, "SELECT COUNT(*)");
        return jdbc.queryForObject(w.sql(), Long.class, w.args());
    }

    private static Rows.Where allocated(Query q, String select) {
        io.skyport.core.identity.Visibility v = q.visibility();
        Rows.Where w = new Rows.Where(select + " FROM public_ips p JOIN domains d ON d.id = p.domain_id "
                + "WHERE p.state = 'Allocated'")
                .andAlways("(d.path = ? OR d.path LIKE ?)", v.domainPath(), v.domainPath() + "/%")
                .and("p.account_id = ?", v.onlyAccountId()).and("p.id = ?", q.id()).and("p.zone_id = ?", q.zoneId())
                .and("p.address = ?", q.address())
                .and("p.zone_id = (SELECT n.zone_id FROM networks n WHERE n.id = ? AND n.is_default = TRUE)",
                        q.networkId())
                .and("p.address LIKE ?", q.keyword() == null ? null : io.skyport.core.db.Db.likeContains(q.keyword()));
        if (q.staticNat() != null) {
            w.andAlways(q.staticNat() ? "p.vm_id IS NOT NULL" : "p.vm_id IS NULL");
        }
        return w;
    }

    /** Creates a range and one Free row per address in it. */
    public long insertRange(long zoneId, String vlan, String gateway, String netmask, String startIp, String endIp) {
        long start = Ipv4.parse(startIp);
        long end = Ipv4.parse(endIp);
        if (end < start || end - start > 65_535) {
            throw new IllegalArgumentException("invalid public IP range " + startIp + "-" + endIp);
        }
        long rangeId = Rows.insert(jdbc, "INSERT INTO vlan_ip_ranges (uuid, zone_id, vlan, gateway, netmask, start_ip, "
                + "end_ip, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), zoneId, vlan,
                gateway, netmask, startIp, endIp, Instant.now());
        for (long a = start; a <= end; a++) {
            jdbc.update("INSERT INTO public_ips (uuid, zone_id, range_id, address, state) VALUES (?, ?, ?, ?, 'Free')",
                    UUID.randomUUID().toString(), zoneId, rangeId, Ipv4.format(a));
        }
        return rangeId;
    }
}
