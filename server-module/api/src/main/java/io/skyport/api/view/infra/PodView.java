package io.skyport.api.view.infra;

import java.util.List;

/** CloudStack's pod response: the pod's management address range, also as the ipranges list. */
@SuppressWarnings("unused")
public final class PodView {
    String id;
    String name;
    String zoneid;
    String zonename;
    String gateway;
    String netmask;
    List<String> startip = List.of();
    List<String> endip = List.of();
    List<String> forsystemvms = List.of();
    List<String> vlanid = List.of();
    List<IpRange> ipranges = List.of();
    String allocationstate;
    boolean hasannotations;

    /** One address range of the pod. */
    public record IpRange(String startip, String endip, String forsystemvms, String vlanid) {
    }
}
