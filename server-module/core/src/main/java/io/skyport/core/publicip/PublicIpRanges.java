package io.skyport.core.publicip;

import io.skyport.core.event.EventService;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.network.Ipv4;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Rules for adding public IP ranges: well-formed, inside their subnet, and not overlapping another range. */
@Component
public class PublicIpRanges {
    private static final Pattern VLAN = Pattern.compile("(?:vlan://)?(\\d{1,4})");
    /** insertRange writes one row per address; larger ranges belong in several calls. */
    private static final long MAX_ADDRESSES = 65_536;

    private final PublicIpDao publicIps;
    private final VlanIpRangeDao ranges;
    private final ZoneDao zoneDao;
    private final EventService events;
    private final TransactionTemplate tx;

    public PublicIpRanges(PublicIpDao publicIps, VlanIpRangeDao ranges, ZoneDao zoneDao, EventService events,
                          TransactionTemplate tx) {
        this.publicIps = publicIps;
        this.ranges = ranges;
        this.zoneDao = zoneDao;
        this.events = events;
        this.tx = tx;
    }

    public VlanIpRange create(CallContext caller, long zoneId, String vlan, String gateway, String netmask,
                              String startIp, String endIp) {
        if (!caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only root administrators manage public IP ranges");
        }
        zoneDao.zone(zoneId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find zone by id"));
        String vlanId = vlan(vlan);
        long gw = address("gateway", gateway);
        long mask = address("netmask", netmask);
        long start = address("startip", startIp);
        long end = endIp == null ? start : address("endip", endIp);
        int prefix = prefixOf(mask);
        Ipv4.Cidr subnet = Ipv4.Cidr.parse(Ipv4.format(gw) + "/" + prefix);
        if (end < start) {
            throw new ApiException(ApiError.PARAM_ERROR, "endip " + endIp + " is lower than startip " + startIp);
        }
        if (end - start + 1 > MAX_ADDRESSES) {
            throw new ApiException(ApiError.PARAM_ERROR, "A public IP range may hold at most " + MAX_ADDRESSES
                    + " addresses");
        }
        if (!subnet.contains(start) || !subnet.contains(end)) {
            throw new ApiException(ApiError.PARAM_ERROR, "The range " + startIp + "-" + endIp + " is not in the subnet "
                    + subnet + " of gateway " + gateway);
        }
        if (gw >= start && gw <= end) {
            throw new ApiException(ApiError.PARAM_ERROR, "The gateway " + gateway + " is inside the range");
        }
        for (VlanIpRange r : ranges.list(null, zoneId, null)) {
            if (start <= Ipv4.parse(r.endIp()) && end >= Ipv4.parse(r.startIp())) {
                throw new ApiException(ApiError.CONFLICT, "The range " + startIp + "-" + Ipv4.format(end)
                        + " overlaps the existing range " + r.startIp() + "-" + r.endIp());
            }
        }
        VlanIpRange created = tx.execute(s -> ranges.find(publicIps.insertRange(zoneId, vlanId, Ipv4.format(gw),
                Ipv4.format(mask), Ipv4.format(start), Ipv4.format(end))).orElseThrow());
        events.record(caller, "VLAN.IP.RANGE.CREATE", "Created public IP range " + created.startIp() + "-"
                + created.endIp(), "Vlan", created.uuid());
        return created;
    }

    private static String vlan(String vlan) {
        if (vlan == null || vlan.isBlank() || "untagged".equalsIgnoreCase(vlan) || "vlan://untagged".equals(vlan)) {
            return "untagged";
        }
        Matcher m = VLAN.matcher(vlan.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 4094) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid vlan " + vlan + ": use untagged or 1..4094");
        }
        return m.group(1);
    }

    private static long address(String param, String value) {
        if (value == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Missing parameter " + param);
        }
        try {
            return Ipv4.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid " + param + " " + value + ": not an IPv4 address");
        }
    }

    /** The prefix length of a netmask, which must be contiguous ones then zeros. */
    private static int prefixOf(long mask) {
        int prefix = Long.bitCount(mask);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if (mask != expected || prefix == 0 || prefix > 30) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid netmask " + Ipv4.format(mask));
        }
        return prefix;
    }
}
