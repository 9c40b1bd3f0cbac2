package io.skyport.core.network;

import io.skyport.core.db.Db;
import io.skyport.core.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** NICs: a VM's addresses on its networks, unique per network. */
@Repository
public class NicDao {
    private final JdbcTemplate jdbc;

    public NicDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Nic nic(ResultSet rs, int n) throws SQLException {
        return new Nic(rs.getLong("id"), rs.getString("uuid"), rs.getLong("vm_id"), rs.getLong("network_id"),
                rs.getString("ip_address"), rs.getString("mac_address"), rs.getInt("device_id"),
                rs.getBoolean("is_default"));
    }

    /** NICs of several VMs in one query, for list pages. */
    public List<Nic> nicsOf(List<Long> vmIds) {
        if (vmIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM nics WHERE vm_id IN (" + io.skyport.core.db.Db.idList(vmIds)
                + ") ORDER BY vm_id, device_id", NicDao::nic);
    }

    /**
     * The lowest free address at or above {@code from}, by walking the allocated ones in order.
     * A locking read, so it sees the latest committed NICs whatever the transaction's snapshot.
     */
    public long lowestFreeFrom(long networkId, long from, long to) {
        long candidate = from;
        List<Long> used = jdbc.queryForList("SELECT ip_num FROM nics WHERE network_id = ? AND ip_num >= ? "
                + "AND ip_num <= ? ORDER BY ip_num FOR UPDATE", Long.class, networkId, from, to);
        for (long u : used) {
            if (u != candidate) {
                break;
            }
            candidate++;
        }
        return candidate;
    }

    public void insertNic(String uuid, long vmId, long networkId, long address, String mac, int deviceId,
                          boolean isDefault) {
        Rows.insert(jdbc, "INSERT INTO nics (uuid, vm_id, network_id, ip_address, ip_num, mac_address, device_id, "
                        + "is_default, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", uuid, vmId, networkId,
                Ipv4.format(address), address, mac, deviceId, isDefault, Instant.now());
    }

    /** NICs of one VM that have no address (their VM ran on a host without a guest network). */
    public List<Nic> unaddressedNicsOf(long vmId) {
        return jdbc.query("SELECT * FROM nics WHERE vm_id = ? AND ip_num IS NULL ORDER BY device_id", NicDao::nic, vmId);
    }

    /** Gives an unaddressed NIC an address; false when it has one already. */
    public boolean setAddress(long nicId, long address) {
        return jdbc.update("UPDATE nics SET ip_address = ?, ip_num = ? WHERE id = ? AND ip_num IS NULL",
                Ipv4.format(address), address, nicId) == 1;
    }

    /** Frees a VM's guest addresses but keeps its NICs; returns how many addresses were freed. */
    public int clearAddressesOf(long vmId) {
        return jdbc.update("UPDATE nics SET ip_address = NULL, ip_num = NULL WHERE vm_id = ? AND ip_num IS NOT NULL",
                vmId);
    }

    /** Releases a VM's addresses (on expunge). */
    public void deleteNicsOf(long vmId) {
        jdbc.update("DELETE FROM nics WHERE vm_id = ?", vmId);
    }
}
