package io.skyport.api.view.infra;

import java.util.Map;

/** CloudStack's cluster response. Skyport does not overcommit, so both ratios are 1.0. */
@SuppressWarnings("unused")
public final class ClusterView {
    String id;
    String name;
    String podid;
    String podname;
    String zoneid;
    String zonename;
    String hypervisortype;
    String clustertype;
    String allocationstate;
    String managedstate = "Managed";
    String cpuovercommitratio = "1.0";
    String memoryovercommitratio = "1.0";
    String arch = "x86_64";
    Map<String, String> resourcedetails = Map.of("cpuOvercommitRatio", "1.0", "memoryOvercommitRatio", "1.0");
    boolean hasannotations;
}
