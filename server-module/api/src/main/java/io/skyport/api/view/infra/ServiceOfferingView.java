package io.skyport.api.view.infra;

/** CloudStack's service offering response. */
@SuppressWarnings("unused")
public final class ServiceOfferingView {
    String id;
    String name;
    String displaytext;
    int cpunumber;
    int cpuspeed;
    int memory;
    String created;
    String storagetype;
    String provisioningtype = "thin";
    boolean offerha;
    boolean limitcpuuse;
    boolean isvolatile;
    boolean issystem;
    boolean defaultuse;
    boolean iscustomized;
    boolean dynamicscalingenabled = true;
    boolean diskofferingstrictness;
    boolean encryptroot;
    long rootdisksize;
    String state = "Active";
    String domainid;
    String domain;
    boolean hasannotations;
}
