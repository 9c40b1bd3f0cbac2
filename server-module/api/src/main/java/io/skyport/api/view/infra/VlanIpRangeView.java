package io.skyport.api.view.infra;

/** CloudStack's vlan (public IP range) response. */
public record VlanIpRangeView(String id, boolean forvirtualnetwork, String zoneid, String vlan, String gateway,
                              String netmask, String startip, String endip, boolean forsystemvms,
                              String physicalnetworkid, String domainid, String domain, long allocatedcount) {
}
