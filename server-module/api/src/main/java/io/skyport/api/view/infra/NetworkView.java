package io.skyport.api.view.infra;

import io.skyport.api.view.infra.NetworkOfferingView.Provider;
import java.util.List;
import java.util.Map;

/** CloudStack's network response. */
@SuppressWarnings("unused")
public final class NetworkView {
    String id;
    String name;
    String displaytext;
    String broadcastdomaintype = "Vlan";
    String traffictype;
    String gateway;
    String netmask;
    String cidr;
    String zoneid;
    String zonename;
    String networkofferingid;
    String networkofferingname;
    String networkofferingdisplaytext;
    boolean networkofferingconservemode = true;
    String networkofferingavailability = "Optional";
    boolean issystem;
    String state;
    String related;
    String broadcasturi = "vlan://untagged";
    String dns1;
    String type;
    String vlan = "untagged";
    String acltype;
    String account;
    String domainid;
    String domain;
    String domainpath;
    List<Service> service = List.of();
    String networkdomain;
    String physicalnetworkid;
    boolean restartrequired;
    boolean specifyipranges = true;
    boolean specifyvlan = true;
    boolean canusefordeploy = true;
    boolean ispersistent;
    List<Object> tags = List.of();
    Map<String, String> details = Map.of();
    boolean displaynetwork = true;
    boolean strechedl2subnet;
    boolean redundantrouter;
    boolean supportsvmautoscaling;
    boolean egressdefaultpolicy;
    boolean hasannotations;
    String created;
    int publicmtu = 1500;
    int privatemtu = 1500;
    long receivedbytes;
    long sentbytes;

    /** A network service with its provider and capabilities. */
    public record Service(String name, List<Provider> provider, List<Capability> capability) {
    }

    /** A capability of a network service. */
    public record Capability(String name, String value, boolean canchooseservicecapability) {
    }
}
