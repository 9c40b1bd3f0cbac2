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
