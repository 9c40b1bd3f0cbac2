package io.skyport.bench;

import java.util.List;

/**
 * The GCE benchmark's Markdown: the shared tables, one more row per paged workload for its
 * single pages, and the cost ratios with their targets. One instances.list request is a whole
 * listing, every page of it, so it compares with one native listing of the same instances; the
 * per-page figures are for information.
 */
final class GceReport extends ListingReport {
    static final String NATIVE_JSON = "listVirtualMachines json";
    static final String GCE = "instances.list";
    static final String BASELINE = "HTTP-hop baseline";

    static final double GCE_TARGET = 1.3;
    static final double BASELINE_TARGET = 3.0;

    GceReport(String setup, List<PhaseResult> phases, List<String> notes) {
        super(setup, phases, notes);
    }

    boolean gcePassed() {
        return measured(GCE) && errors() == 0 && costRatio(GCE, NATIVE_JSON) <= GCE_TARGET;
    }

    boolean baselinePassed() {
        return measured(GCE) && errors() == 0 && costRatio(BASELINE, GCE) >= BASELINE_TARGET;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        phaseTable(md, "GCE instances.list against listVirtualMachines and an HTTP-hop translator");
        pooledTable(md, List.of(NATIVE_JSON, GCE, BASELINE));
        for (String paged : List.of(GCE, BASELINE)) {
            if (measured(paged)) {
                pooledRow(md, paged + ", one page", exchangesPerSecond(paged), pooledExchanges(paged),
                        cpuMicrosPerExchange(paged));
            }
        }
        ratioHeader(md);
        ratioRow(md, "instances.list, all pages / listVirtualMachines json", GCE, NATIVE_JSON, "≤ 1.3", gcePassed());
        ratioRow(md, "HTTP-hop baseline / instances.list, all pages", BASELINE, GCE, "≥ 3", baselinePassed());
        ratioRow(md, "HTTP-hop baseline / listVirtualMachines json", BASELINE, NATIVE_JSON, "", true);
        perExchangeRatioRow(md, "instances.list, one page / listVirtualMachines json", GCE, NATIVE_JSON);
        perExchangeRatioRow(md, "HTTP-hop baseline, one page / listVirtualMachines json", BASELINE, NATIVE_JSON);
        closing(md);
        return md.toString();
    }
}
