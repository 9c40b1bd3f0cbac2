package io.skyport.api.view;

import java.util.List;
import java.util.Map;

/** CloudStack's virtualmachine response; field names are the wire names. */
@SuppressWarnings("unused")
public final class VmView {
    String id;
    String name;
    String displayname;
    String account;
    String userid;
    String username;
    String domain;
    String domainid;
    String domainpath;
    String created;
    String lastupdated;
    String state;
    boolean haenable;
    boolean displayvm = true;
    boolean deleteprotection;
    boolean isdynamicallyscalable;
    boolean passwordenabled;
    boolean hasannotations;
    String zoneid;
    String zonename;
    String hostid;
    String hostname;
    String hostcontrolstate;
    String hypervisor;
    String instancename;
    String arch = "x86_64";
    String bootmode;
    String boottype;
    String templateid;
    String templatename;
    String templatedisplaytext;
    String templateformat;
    String templatetype;
    String guestosid;
    String ostypeid;
    String osdisplayname;
    String serviceofferingid;
    String serviceofferingname;
    int cpunumber;
    int cpuspeed;
    int memory;
    /** Metrics, only for a running VM whose host measures it: "12.34%" and KiB figures. */
    String cpuused;
    Long memorykbs;
    Long memoryintfreekbs;
    Long memorytargetkbs;
    String ipaddress;
    String keypairs;
    String userdata;
    String pooltype = "NetworkFilesystem";
    long rootdeviceid;
    String rootdevicetype = "ROOT";
    long receivedbytes;
    long sentbytes;
    String jobid;
    Integer jobstatus;
    Map<String, String> details = Map.of();

    /** The same VM as the result of the job acting on it (CloudStack names the job inside the VM). */
    public VmView withJob(String jobUuid) {
        jobid = jobUuid;
        jobstatus = 0;
        return this;
    }
    List<Object> affinitygroup = List.of();
    List<NicView> nic = List.of();
    List<SecurityGroupRef> securitygroup = List.of();
    List<TagView> tags = List.of();

    /** A NIC as embedded in the VM response. */
    public record NicView(String id, String networkid, String networkname, String ipaddress, String netmask,
                          String gateway, String macaddress, String deviceid, boolean isdefault, String traffictype,
                          String type, String broadcasturi, String isolationuri, List<Object> secondaryip,
                          List<Object> extradhcpoption) {
    }

    /** A security group as embedded in the VM response (rules are listed by listSecurityGroups). */
    public record SecurityGroupRef(String id, String name, String description, String account, List<Object> ingressrule,
                                   List<Object> egressrule, List<Object> tags, List<Object> virtualmachineids) {
    }

    /** A resource tag as embedded in responses. */
    public record TagView(String key, String value, String resourcetype, String resourceid, String account,
                          String domainid, String domain, String domainpath) {
    }
}
