package io.skyport.gce.service;

import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.gce.GceException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Zones and regions as GCE names them. A core zone is a GCE zone of its lowercased name
 * ({@code Sandbox-simulator} is {@code sandbox-simulator}); its region is the zone name without
 * its last {@code -part}, the rule gcloud itself applies to derive a zone's region.
 */
public class Locations {
    private final ZoneDao zones;

    public Locations(ZoneDao zones) {
        this.zones = zones;
    }

    public static String zoneName(Zone z) {
        String s = z.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return s.matches("[a-z].*") ? s : "z-" + s;
    }

    public static String regionOf(String zoneName) {
        int dash = zoneName.lastIndexOf('-');
        return dash > 0 ? zoneName.substring(0, dash) : zoneName;
    }

    public List<Zone> all() {
        return zones.zones(null, null, null);
    }

    public Optional<Zone> zone(String name) {
        return all().stream().filter(z -> zoneName(z).equals(name)).findFirst();
    }

    public Zone zoneOrThrow(String project, String name) {
        return zone(name).orElseThrow(() -> GceException.notFound("projects/" + project + "/zones/" + name));
    }

    public String zoneName(long zoneId) {
        return zones.zone(zoneId).map(Locations::zoneName).orElse("unknown");
    }

    public List<String> regions() {
        return all().stream().map(z -> regionOf(zoneName(z))).distinct().sorted().toList();
    }

    public List<Zone> zonesOf(String region) {
        return all().stream().filter(z -> regionOf(zoneName(z)).equals(region)).toList();
    }

    public void checkRegion(String project, String region) {
        if (zonesOf(region).isEmpty()) {
            throw GceException.notFound("projects/" + project + "/regions/" + region);
        }
    }
}
