package io.skyport.bench;

import io.skyport.app.client.Ec2RequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Skyport's EC2 API as a client without an SDK sees it: RunInstances, then DescribeInstances until
 * the instance is running (code 16); TerminateInstances, then DescribeInstances until it is
 * terminated (code 48). A change the call's own answer already shows done (the server waits for
 * it a while) needs no poll. Answers are read with patterns, enough for these fields.
 */
final class Ec2Side implements LifecycleSide {
    private static final Pattern INSTANCE_ID = Pattern.compile("<instanceId>(i-[0-9a-f]+)</instanceId>");
    private static final Pattern STATE_CODE = Pattern.compile("<instanceState>\\s*<code>(\\d+)</code>");
    /** TerminateInstances' answer: the state the instance is in now. */
    private static final Pattern CURRENT_CODE = Pattern.compile("<currentState>\\s*<code>(\\d+)</code>");
    private static final int RUNNING = 16;
    private static final int TERMINATED = 48;

    private final HttpClient http;
    private final URI endpoint;
    private final Ec2RequestSigner signer;
    private final String imageId;
    private final String instanceType;
    private final String zone;
    private final Map<String, String> uuidByInstance = new java.util.concurrent.ConcurrentHashMap<>();
    private final NativeApiClient tenant;

    Ec2Side(HttpClient http, String base, String[] keys, NativeApiClient tenant, String imageId, String instanceType,
            String zone) {
        this.http = http;
        this.endpoint = URI.create(base + "/ec2");
        this.signer = new Ec2RequestSigner(keys[0], keys[1]);
        this.tenant = tenant;
        this.imageId = imageId;
        this.instanceType = instanceType;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "EC2 (RunInstances / TerminateInstances)";
    }

    @Override
    public String create(String name) throws Exception {
        String xml = call("RunInstances", Map.of("ImageId", imageId, "InstanceType", instanceType, "MinCount", "1",
                "MaxCount", "1", "Placement.AvailabilityZone", zone, "UserData", ContainerBench.USER_DATA_B64,
                "TagSpecification.1.ResourceType", "instance", "TagSpecification.1.Tag.1.Key", "Name",
                "TagSpecification.1.Tag.1.Value", name));
        String id = first(INSTANCE_ID, xml, "RunInstances");
        if (Integer.parseInt(first(STATE_CODE, xml, "RunInstances")) != RUNNING) {
            awaitState(id, RUNNING);
        }
        return id;
    }

    @Override
    public void remove(String handle) throws Exception {
        String xml = call("TerminateInstances", Map.of("InstanceId.1", handle));
        if (Integer.parseInt(first(CURRENT_CODE, xml, "TerminateInstances")) != TERMINATED) {
            awaitState(handle, TERMINATED);
        }
    }

    @Override
    public boolean removesContainer() {
        return false;
    }

    /**
     * Expunges the terminated instance now, as the expunger would after its delay (every 10 s), through
     * the native API. One the expunger took meanwhile is gone already: its refusal is ignored.
     */
    @Override
    public void clearAway(String handle) throws Exception {
        String uuid = uuidByInstance.remove(handle);
        if (uuid == null) {
            return;
        }
        try {
            String job = tenant.call("expungeVirtualMachine", "id", uuid).get("jobid").getAsString();
            tenant.call("queryAsyncJobResult", "jobid", job, "wait", "60");
        } catch (IllegalStateException takenByTheExpunger) {
            // the run waits for the container to be gone either way
        }
    }

    @Override
    public String containerName(String handle) throws Exception {
        String uuid = uuidByInstance.get(handle);
        if (uuid == null) {
            String name = first(Pattern.compile("<key>Name</key>\\s*<value>([^<]+)</value>"),
                    call("DescribeInstances", Map.of("InstanceId.1", handle)), "DescribeInstances");
            uuid = tenant.call("listVirtualMachines", "name", name).getAsJsonArray("virtualmachine").get(0)
                    .getAsJsonObject().get("id").getAsString();
            uuidByInstance.put(handle, uuid);
        }
        return "skyport-" + uuid;
    }

    /** The EC2 image id of the template named so, as DescribeImages gives it. */
    static String imageId(HttpClient http, String base, String[] keys, String templateName) throws Exception {
        Ec2Side probe = new Ec2Side(http, base, keys, null, null, null, null);
        return first(Pattern.compile("<imageId>(ami-[0-9a-f]+)</imageId>"), probe.call("DescribeImages",
                Map.of("Filter.1.Name", "name", "Filter.1.Value.1", templateName)), "DescribeImages");
    }

    private void awaitState(String id, int code) throws Exception {
        while (true) {
            String xml = call("DescribeInstances", Map.of("InstanceId.1", id));
            int now = Integer.parseInt(first(STATE_CODE, xml, "DescribeInstances"));
            if (now == code) {
                return;
            }
            if (now == TERMINATED || (code == RUNNING && now != 0)) {
                throw new IllegalStateException("instance " + id + " went to state " + now + ", awaiting " + code);
            }
            Thread.sleep(ContainerBench.POLL_MILLIS);
        }
    }

    private String call(String action, Map<String, String> params) throws Exception {
        HttpResponse<String> r = http.send(signer.request(endpoint, action, params), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(action + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String first(Pattern p, String xml, String action) {
        Matcher m = p.matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException(action + " answered without " + p.pattern() + ": " + xml);
        }
        return m.group(1);
    }
}
