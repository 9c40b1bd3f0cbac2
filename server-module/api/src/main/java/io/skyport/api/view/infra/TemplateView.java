package io.skyport.api.view.infra;

import java.util.List;
import java.util.Map;

/** CloudStack's template response: one per template and zone it is available in. */
@SuppressWarnings("unused")
public final class TemplateView {
    String id;
    String name;
    String displaytext;
    boolean ispublic;
    String created;
    boolean isready = true;
    boolean passwordenabled;
    String format;
    boolean isfeatured;
    boolean crossZones;
    String ostypeid;
    String ostypename;
    String account;
    String zoneid;
    String zonename;
    String status;
    long size;
    long physicalsize;
    String templatetype;
    String hypervisor;
    String domain;
    String domainid;
    String domainpath;
    boolean isextractable;
    String checksum = "";
    boolean sshkeyenabled;
    boolean isdynamicallyscalable;
    boolean directdownload;
    boolean deployasis;
    boolean requireshvm;
    int bits;
    String arch = "x86_64";
    String url;
    Map<String, String> details = Map.of();
    List<DownloadDetail> downloaddetails = List.of();
    List<Object> tags = List.of();
    boolean hasannotations;

    /** Where the image is stored and how far its download got. */
    public record DownloadDetail(String datastore, String datastoreId, String datastoreRole, String downloadPercent,
                                 String downloadState) {
    }
}
