package io.skyport.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.app.client.GceServiceAccount;
import io.skyport.app.client.RequestSigner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Compute Engine {@code instances.list} on the in-process server, every page of it, against the
 * native listVirtualMachines of the same server and against a gstack-style translator one HTTP
 * hop in front of the native API ({@link HttpHopGceProxy}), all over the same N instances of one
 * account, measured side by side in one run with interleaved phases.
 */
@Command(name = "gce-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "instances.list against listVirtualMachines and an HTTP-hop GCE translator")
public final class GceBench extends ListingBench {
    /** An access token lives an hour; a run must end well before, as neither side refreshes it. */
    private static final int LONGEST_RUN_SECONDS = 50 * 60;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GceBench()).execute(args));
    }

    @Override
    String tag() {
        return "gce-bench";
    }

    @Override
    int run(String base, String adminKey, String adminSecret) throws Exception {
        if (requests == null && 3L * (warmup + (long) rounds * seconds) > LONGEST_RUN_SECONDS) {
            throw new SetupException("the timed part would outlast the one-hour access token: shorten --seconds, "
                    + "--warmup or --rounds");
        }
        NativeApiClient admin = new NativeApiClient(http, base, adminKey, adminSecret);
        String[] keys = tenant(admin, "gcebench");
        NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
        deployFleet(tenant, "gcebench");
        Map<String, String> zoneIds = zoneIds(tenant);
        if (zoneIds.size() != 1) {
            throw new SetupException("the tenant sees " + zoneIds.size() + " zones, the benchmark expects one: "
                    + zoneIds.keySet());
        }
        String zone = zoneIds.keySet().iterator().next();
        GceServiceAccount account = GceServiceAccount.fromNativeAnswer(
                tenant.call("createGceServiceAccountKey", "endpoint", base));
        String token = account.accessToken(http);
        progress("service-account key and access token for project " + account.project() + ", zone " + zone);

        Workload nativeJson = listVirtualMachines(base, new RequestSigner(keys[0], keys[1]), "json",
                GceReport.NATIVE_JSON);
        PagedInstancesList gce = new PagedInstancesList(GceReport.GCE, base + "/", account.project(), zone, token);
        Map<String, String> uuidByName = verifyNativeJson(nativeJson);
        Map<String, String> gceIdByName = verifyListing(gce, null);
        Map<String, String> gceIdByUuid = new HashMap<>();
        uuidByName.forEach((name, uuid) -> gceIdByUuid.put(uuid, gceIdByName.get(name)));
        try (HttpHopGceProxy proxy = new HttpHopGceProxy(base, zoneIds, uuid -> gceIdByUuid.getOrDefault(uuid, uuid))
                .register(token, account.project(), keys[0], keys[1]).start()) {
            PagedInstancesList baseline = new PagedInstancesList(GceReport.BASELINE, proxy.url(), account.project(),
                    zone, token);
            verifyListing(baseline, gceIdByName);
            GceReport report = new GceReport(setup(), measure(List.of(nativeJson, gce, baseline)), notes);
            publish(report.render());
            return report.gcePassed() && report.baselinePassed() ? PASS : MISSED;
        }
    }

    /** The tenant's zones, native id by GCE name. */
    private static Map<String, String> zoneIds(NativeApiClient tenant) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonElement z : tenant.call("listZones").getAsJsonArray("zone")) {
            JsonObject zone = z.getAsJsonObject();
            out.put(InstanceListJson.zoneName(zone.get("name").getAsString()), zone.get("id").getAsString());
        }
        return out;
    }

    /**
     * A whole listing, every page of it, lists each of the {@code --vms} instances once, in as
     * many pages as 500 a page make, and with distinct ids; with {@code expected} ids by name,
     * exactly those. Returns the instance ids by name.
     */
    private Map<String, String> verifyListing(PagedInstancesList listing, Map<String, String> expected)
            throws Exception {
        List<String> pages = listing.pages(http);
        InstanceListJson.Listed listed = InstanceListJson.instancesByName(pages);
        Map<String, String> byName = listed.idsByName();
        if (listed.items() != vms || byName.size() != vms) {
            throw new SetupException(listing.name() + " listed " + listed.items() + " instances (" + byName.size()
                    + " distinct names) in " + pages.size() + " pages, expected " + vms);
        }
        int expectedPages = (vms + HttpHopGceProxy.MAX_RESULTS - 1) / HttpHopGceProxy.MAX_RESULTS;
        if (pages.size() != expectedPages) {
            throw new SetupException(listing.name() + " listed the instances in " + pages.size() + " pages, expected "
                    + expectedPages + " of at most " + HttpHopGceProxy.MAX_RESULTS);
        }
        if (new HashSet<>(byName.values()).size() != vms) {
            throw new SetupException(listing.name() + " repeats instance ids");
        }
        if (expected != null && !byName.keySet().equals(expected.keySet())) {
            Set<String> missing = new HashSet<>(expected.keySet());
            missing.removeAll(byName.keySet());
            throw new SetupException(listing.name() + " lists other instances than instances.list, e.g. without "
                    + missing.stream().limit(3).toList());
        }
        if (expected != null && !byName.equals(expected)) {
            throw new SetupException(listing.name() + " and instances.list give the same instances other ids");
        }
        String inPages = pages.size() + (pages.size() == 1 ? " page" : " pages");
        size(listing.name() + " (" + inPages + ")", String.join("", pages));
        notes.add(String.format(Locale.ROOT, "%s lists the %d instances in %s.", listing.name(), vms, inPages));
        return byName;
    }

    private String setup() {
        return String.format(Locale.ROOT, "%d instances in one user account, all listed by every request "
                        + "(listVirtualMachines with pagesize=%d, `default.page.size` raised to at least that; "
                        + "instances.list of the account's zone without maxResults, following nextPageToken to the "
                        + "last page, %d instances a page at most; the baseline proxy asks listVirtualMachines for "
                        + "one page of the same size per GCE page). The \"one page\" rows count single HTTP "
                        + "exchanges. ", vms, vms, HttpHopGceProxy.MAX_RESULTS)
                + loadAndMachine("every native request freshly signed (HMAC-SHA1), every GCE request with the "
                + "tenant's OAuth2 access token (one JWT-bearer grant before timing)");
    }
}
