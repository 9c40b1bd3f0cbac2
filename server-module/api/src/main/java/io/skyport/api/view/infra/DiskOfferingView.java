package io.skyport.api.view.infra;

/** CloudStack's disk offering response; a customized offering has size 0 (the user names one). */
@SuppressWarnings("unused")
public final class DiskOfferingView {
    String id;
    String name;
    String displaytext;
    long disksize;
    String created;
    boolean iscustomized;
    String storagetype;
    String provisioningtype = "thin";
    boolean displayoffering = true;
    boolean disksizestrictness;
    boolean encrypt;
    String state = "Active";
    String domainid;
    String domain;
    boolean hasannotations;
}
