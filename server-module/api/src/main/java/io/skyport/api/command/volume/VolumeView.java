package io.skyport.api.command.volume;

import java.util.List;

/** CloudStack's volume response (the fields Skyport has a source for). */
public record VolumeView(String id, String name, String type, String state, long size, long virtualsize,
                         Integer deviceid, String account, String domain, String domainid, String domainpath,
                         String zoneid, String zonename, String created, String storagetype, String provisioningtype,
                         String diskofferingid, String diskofferingname, String virtualmachineid, String vmname,
                         String vmdisplayname, String vmstate, String vmtype, boolean destroyed, boolean displayvolume,
                         boolean isextractable, boolean hasannotations, boolean deleteprotection, List<Object> tags) {
}
