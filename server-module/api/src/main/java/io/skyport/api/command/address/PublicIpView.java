package io.skyport.api.command.address;

import java.util.List;

/** CloudStack's publicipaddress response. */
public record PublicIpView(String id, String ipaddress, String state, String allocated, String account, String domain,
                           String domainid, String domainpath, String zoneid, String zonename, String vlanid,
                           String vlanname, String networkid, String associatednetworkid, String associatednetworkname,
                           String physicalnetworkid, boolean fordisplay, boolean forsystemvms,
                           boolean forvirtualnetwork, boolean hasannotations, boolean hasrules, boolean isportable,
                           boolean issourcenat, boolean isstaticnat, boolean issystem, String virtualmachineid,
                           String virtualmachinename, String virtualmachinedisplayname, List<Object> tags) {
}
