package io.skyport.api.command.volume;

import java.util.List;

/**
 * CloudStack's volume response. Skyport keeps no storage pools: every zone has one implicit
 * shared primary storage, named after the zone, and a volume's path is its id.
 */
public record VolumeView(String id, String name, String type, String state, long size, long virtualsize,
                         long physicalsize, String path, Integer deviceid, String account, String domain,
                         String domainid, String domainpath, String zoneid, String zonename, String podid,
                         String podname, String clusterid, String clustername, String hypervisor, String storage,
                         String storageid, String storagetype, String provisioningtype, String created,
                         String diskofferingid, String diskofferingname, String serviceofferingid,
                         String serviceofferingname, String serviceofferingdisplaytext, String templateid,
                         String templatename, String templatedisplaytext, String virtualmachineid, String vmname,
                         String vmdisplayname, String vmstate, String vmtype, String utilization, long diskioread,
                         long diskiowrite, long diskkbsread, long diskkbswrite, boolean destroyed,
                         boolean displayvolume, boolean isextractable, boolean hasannotations,
                         boolean deleteprotection, boolean quiescevm, boolean supportsstoragesnapshot,
                         List<Object> tags) {
}
