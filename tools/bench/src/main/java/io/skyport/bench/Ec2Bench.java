package io.skyport.bench;

import io.skyport.app.client.Ec2RequestSigner;
import io.skyport.app.client.RequestSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * EC2 DescribeInstances on the in-process server against the native listVirtualMachines of
 * the same server (JSON and XML) and against an ec2stack-style translator one HTTP hop in
 * front of the native API ({@link HttpHopEc2Proxy}), all over the same N instances of one
 * account, measured side by side in one run with interleaved phases.
 */
@Command(name = "ec2-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "DescribeInstances against listVirtualMachines and an HTTP-hop EC2 translator")
public final class Ec2Bench extends ListingBench {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Ec2Bench()).execute(args));
    }

    @Override
    String tag() {
        return "ec2-bench";
    }

    @Override
    int run(String base, String adminKey, String adminSecret) throws Exception {
        NativeApiClient admin = new NativeApiClient(http, base, adminKey, adminSecret);
        String[] keys = tenant(admin, "ec2bench");
        NativeApiClient tenant = new NativeApiClient(http, base, keys[0], keys[1]);
        deployFleet(tenant, "ec2bench");
        RequestSigner nativeSigner = new RequestSigner(keys[0], keys[1]);
        Ec2RequestSigner ec2Signer = new Ec2RequestSigner(keys[0], keys[1]);
        Workload nativeJson = listVirtualMachines(base, nativeSigner, "json", Ec2Report.NATIVE_JSON);
        Workload nativeXml = listVirtualMachines(base, nativeSigner, "xml", Ec2Report.NATIVE_XML);
        URI ec2Endpoint = URI.create(base + "/ec2");
        Workload ec2 = Workload.of(Ec2Report.EC2, () -> ec2Signer.request(ec2Endpoint, "DescribeInstances", Map.of()));

        Map<String, String> uuidByName = verifyNative(nativeJson, nativeXml);
        Map<String, String> ec2IdByName = verifyEc2(ec2);
        Map<String, String> ec2IdByUuid = new HashMap<>();
        if (ec2IdByName != null) {
            uuidByName.forEach((name, uuid) -> ec2IdByUuid.put(uuid, ec2IdByName.get(name)));
        }
        try (HttpHopEc2Proxy proxy = new HttpHopEc2Proxy(base, vms, uuid -> ec2IdByUuid.getOrDefault(uuid, uuid))
                .register(keys[0], keys[1]).start()) {
            URI proxyEndpoint = URI.create(proxy.url());
            Workload baseline = Workload.of(Ec2Report.BASELINE,
                    () -> ec2Signer.request(proxyEndpoint, "DescribeInstances", Map.of()));
            verifyBaseline(baseline, ec2IdByName);
            List<Workload> workloads = new ArrayList<>(List.of(nativeJson, nativeXml));
            if (ec2IdByName != null) {
                workloads.add(ec2);
            }
            workloads.add(baseline);
            return measureAndReport(workloads);
        }
    }

    /** Both native answers list every instance; returns the VM uuids by name. */
    private Map<String, String> verifyNative(Workload json, Workload xml) throws Exception {
        Map<String, String> uuidByName = verifyNativeJson(json);
        HttpResponse<String> x = send(xml);
        int listedXml = count(x.body(), "<virtualmachine>");
        if (listedXml != vms) {
            throw new SetupException("listVirtualMachines (xml) listed " + listedXml + " instances, expected " + vms);
        }
        size(Ec2Report.NATIVE_XML, x.body());
        return uuidByName;
    }

    /**
     * DescribeInstances lists every instance, each once with its {@code Name} tag; returns the
     * instance ids by name, or null when this server has no EC2 endpoint.
     */
    private Map<String, String> verifyEc2(Workload ec2) throws Exception {
        HttpResponse<String> r = send(ec2, true);
        if (r.statusCode() == 404 && r.body().contains("\"not found\"")) {
            notes.add("The server in this build has no EC2 endpoint at `/ec2`: DescribeInstances was not measured.");
            progress("no EC2 endpoint at /ec2 in this build: measuring the native API and the baseline only");
            return null;
        }
        if (r.statusCode() != 200) {
            throw new SetupException("DescribeInstances answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        Map<String, String> byName = DescribeInstancesXml.instancesByName(r.body());
        int items = count(r.body(), "<instanceId>");
        if (items != vms || byName.size() != vms) {
            throw new SetupException("DescribeInstances listed " + items + " instances (" + byName.size()
                    + " distinct names), expected " + vms);
        }
        if (new HashSet<>(byName.values()).size() != vms) {
            throw new SetupException("DescribeInstances repeats instance ids");
        }
        size(Ec2Report.EC2, r.body());
        return byName;
    }

    /** The baseline lists the same instance ids as DescribeInstances (or as many instances without it). */
    private void verifyBaseline(Workload baseline, Map<String, String> ec2IdByName) throws Exception {
        HttpResponse<String> r = send(baseline);
        Map<String, String> byName = DescribeInstancesXml.instancesByName(r.body());
        if (byName.size() != vms || count(r.body(), "<instanceId>") != vms) {
            throw new SetupException("the HTTP-hop baseline listed " + byName.size() + " instances, expected " + vms);
        }
        if (ec2IdByName != null && !new HashSet<>(byName.values()).equals(new HashSet<>(ec2IdByName.values()))) {
            Set<String> missing = new HashSet<>(ec2IdByName.values());
            missing.removeAll(byName.values());
            throw new SetupException("the HTTP-hop baseline and DescribeInstances list different instance ids, e.g. "
                    + missing.stream().limit(3).toList() + " only from DescribeInstances");
        }
        size(Ec2Report.BASELINE, r.body());
    }

    private int measureAndReport(List<Workload> workloads) throws InterruptedException {
        Ec2Report report = new Ec2Report(setup(), measure(workloads), notes);
        publish(report.render());
        return report.ec2Passed() && report.baselinePassed() ? PASS : MISSED;
    }

    private String setup() {
        return String.format(Locale.ROOT, "%d instances in one user account, all listed by every request "
                + "(listVirtualMachines with pagesize=%d, `default.page.size` raised to at least that; "
                + "DescribeInstances without MaxResults; the baseline proxy asks listVirtualMachines for the "
                + "same page). ", vms, vms) + loadAndMachine("every request freshly signed (HMAC-SHA1 native, "
                + "SigV4 by the AWS SDK signer for EC2)");
    }
}
