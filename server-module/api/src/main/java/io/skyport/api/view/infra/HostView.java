package io.skyport.api.view.infra;

/**
 * CloudStack's host response. Allocation figures are the reservations of the VMs placed on the
 * host; Skyport does not sample load, so the "used" figures stay at zero.
 */
@SuppressWarnings("unused")
public final class HostView {
    String id;
    String name;
    String state;
    String type = "Routing";
    String ipaddress;
    String zoneid;
    String zonename;
    String podid;
    String podname;
    String version;
    String hypervisor;
    String hypervisorversion;
    String arch = "x86_64";
    String capabilities = "hvm";
    int cpunumber;
    int cpuspeed;
    String cpuallocated;
    String cpuallocatedpercentage;
    long cpuallocatedvalue;
    String cpuallocatedwithoverprovisioning;
    String cpuused = "0%";
    String cpuwithoverprovisioning;
    double cpuloadaverage;
    long networkkbsread;
    long networkkbswrite;
    long memorytotal;
    String memorywithoverprovisioning;
    long memoryallocated;
    long memoryallocatedbytes;
    String memoryallocatedpercentage;
    long memoryused;
    String lastpinged;
    String managementserverid;
    String clusterid;
    String clustername;
    String clustertype;
    boolean islocalstorageactive;
    String created;
    String events = "Ping; ShutdownRequested; AgentConnected; Remove; PingTimeout; StartAgentRebalance; "
            + "AgentDisconnected; HostDown; ManagementServerDown";
    boolean hahost;
    boolean hasannotations;
    boolean ueficapability;
    Toggle hostha = new Toggle(false, "Disabled");
    OutOfBand outofbandmanagement = new OutOfBand(false, "Disabled");
    String resourcestate;

    /** Host HA state. */
    public record Toggle(boolean haenable, String hastate) {
    }

    /** Out-of-band management state. */
    public record OutOfBand(boolean enabled, String powerstate) {
    }
}
