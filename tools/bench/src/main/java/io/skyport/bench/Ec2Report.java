package io.skyport.bench;

import java.util.List;

/** The EC2 benchmark's Markdown: the shared tables, and the two cost ratios with their targets. */
final class Ec2Report extends ListingReport {
    static final String NATIVE_JSON = "listVirtualMachines json";
    static final String NATIVE_XML = "listVirtualMachines xml";
    static final String EC2 = "DescribeInstances";
    static final String BASELINE = "HTTP-hop baseline";

    static final double EC2_TARGET = 1.3;
    static final double BASELINE_TARGET = 3.0;

    Ec2Report(String setup, List<PhaseResult> phases, List<String> notes) {
        super(setup, phases, notes);
    }

    boolean ec2Passed() {
        return measured(EC2) && errors() == 0 && costRatio(EC2, NATIVE_JSON) <= EC2_TARGET;
    }

    boolean baselinePassed() {
        return measured(EC2) && errors() == 0 && costRatio(BASELINE, EC2) >= BASELINE_TARGET;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        phaseTable(md, "EC2 DescribeInstances against listVirtualMachines and an HTTP-hop translator");
        pooledTable(md, List.of(NATIVE_JSON, NATIVE_XML, EC2, BASELINE));
        ratioHeader(md);
        if (measured(EC2)) {
            ratioRow(md, "DescribeInstances / listVirtualMachines json", EC2, NATIVE_JSON, "≤ 1.3", ec2Passed());
            ratioRow(md, "HTTP-hop baseline / DescribeInstances", BASELINE, EC2, "≥ 3", baselinePassed());
        } else {
            md.append("| DescribeInstances / listVirtualMachines json | – | – | – | – | ≤ 1.3 | not measured |\n");
            md.append("| HTTP-hop baseline / DescribeInstances | – | – | – | – | ≥ 3 | not measured |\n");
        }
        ratioRow(md, "listVirtualMachines xml / json", NATIVE_XML, NATIVE_JSON, "", true);
        ratioRow(md, "HTTP-hop baseline / listVirtualMachines json", BASELINE, NATIVE_JSON, "", true);
        closing(md);
        return md.toString();
    }
}
