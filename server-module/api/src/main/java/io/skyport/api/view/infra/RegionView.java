package io.skyport.api.view.infra;

/** CloudStack's region response. */
public record RegionView(int id, String name, String endpoint, boolean gslbserviceenabled,
                         boolean portableipserviceenabled) {
}
