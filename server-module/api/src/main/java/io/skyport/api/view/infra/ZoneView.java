package io.skyport.api.view.infra;

import java.util.List;

/** CloudStack's zone response; fields in the order CloudStack writes them (the XML shows it). */
@SuppressWarnings("unused")
public final class ZoneView {
    String id;
    String name;
    String description;
    String dns1;
    String dns2;
    String internaldns1;
    String internaldns2;
    String guestcidraddress;
    String domain;
    String networktype;
    boolean securitygroupsenabled;
    String allocationstate;
    String zonetoken;
    String dhcpprovider = "VirtualRouter";
    boolean localstorageenabled;
    boolean allowuserspecifyvrmtu;
    int routerprivateinterfacemaxmtu = 1500;
    int routerpublicinterfacemaxmtu = 1500;
    String type = "Core";
    boolean isnsxenabled;
    boolean ismultiarch;
    String asnrange = "";
    boolean routedmodeenabled = true;
    boolean hasannotations;
    List<CapacityView> capacity;
    List<Object> tags = List.of();

    /** One capacity figure of a zone, as {@code showcapacities=true} adds them. */
    public record CapacityView(int type, String name, String zoneid, String zonename, long capacityallocated,
                               long capacityused, long capacitytotal, String percentused) {
    }
}
