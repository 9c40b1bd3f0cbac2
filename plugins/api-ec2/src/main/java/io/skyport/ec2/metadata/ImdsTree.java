package io.skyport.ec2.metadata;

import com.google.gson.JsonObject;
import io.skyport.plugin.MetadataNode;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IMDS categories of one instance under {@code /latest}, as a tree of directories and
 * values: a directory answers with its entries one per line, sub-directories with a trailing
 * slash (and {@code public-keys/} with {@code index=name} lines, as IMDS lists keys), a value
 * with its bytes.
 */
public final class ImdsTree {
    /** A node: a directory (entries by name, with the line each lists as) or a value. */
    public sealed interface Node extends MetadataNode<Node> permits Dir, Value {
        /** What a GET of the node answers. */
        byte[] body();

        String contentType();

        /** The line a directory lists this node as, under that name. */
        String listedAs(String name);

    }

    /** A directory; {@code labels} are its listing lines when they are not just the entry names. */
    public record Dir(Map<String, Node> entries, Map<String, String> labels) implements Node {
        Dir(Map<String, Node> entries) {
            this(entries, Map.of());
        }

        public String listing() {
            List<String> lines = new ArrayList<>();
            entries.forEach((name, node) -> lines.add(labels.getOrDefault(name, node.listedAs(name))));
            return String.join("\n", lines);
        }

        @Override
        public byte[] body() {
            return listing().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public String listedAs(String name) {
            return name + "/";
        }

        @Override
        public Node child(String name) {
            return entries.get(name);
        }
    }

    /** A value, served with its content type. */
    public record Value(byte[] bytes, String contentType) implements Node {
        @Override
        public byte[] body() {
            return bytes;
        }

        @Override
        public String listedAs(String name) {
            return name;
        }

        @Override
        public Node child(String name) {
            return null;
        }

        static Value text(String s) {
            return new Value(s.getBytes(StandardCharsets.UTF_8), "text/plain");
        }
    }

    private ImdsTree() {
    }

    /** The {@code /latest} directory of an instance. */
    public static Dir of(ImdsFacts f) {
        Map<String, Node> latest = new LinkedHashMap<>();
        latest.put("dynamic", new Dir(Map.of("instance-identity", new Dir(Map.of("document",
                new Value(identityDocument(f).getBytes(StandardCharsets.UTF_8), "text/plain"))))));
        latest.put("meta-data", metaData(f));
        if (f.userData() != null) {
            latest.put("user-data", new Value(f.userData(), "application/octet-stream"));
        }
        // IMDS lists its top-level categories without the trailing slash it gives sub-directories
        Map<String, String> labels = new LinkedHashMap<>();
        latest.keySet().forEach(k -> labels.put(k, k));
        return new Dir(latest, labels);
    }

    /** The node at a path below {@code /latest} ({@code ""} is the directory itself). */
    public static Optional<Node> find(Dir root, String path) {
        return MetadataNode.find(root, path);
    }

    private static Dir metaData(ImdsFacts f) {
        Map<String, Node> m = new LinkedHashMap<>();
        m.put("ami-id", Value.text(f.imageId()));
        m.put("ami-launch-index", Value.text("0"));
        m.put("hostname", Value.text(f.hostname()));
        m.put("instance-id", Value.text(f.instanceId()));
        m.put("instance-life-cycle", Value.text("on-demand"));
        m.put("instance-type", Value.text(f.instanceType()));
        if (f.privateIp() != null) {
            m.put("local-hostname", Value.text(f.hostname()));
            m.put("local-ipv4", Value.text(f.privateIp()));
        }
        if (f.mac() != null) {
            m.put("mac", Value.text(f.mac()));
            m.put("network", network(f));
        }
        m.put("placement", new Dir(orderedMap("availability-zone", Value.text(f.availabilityZone()), "region",
                Value.text(f.region()))));
        if (f.publicIp() != null) {
            m.put("public-ipv4", Value.text(f.publicIp()));
        }
        if (!f.keys().isEmpty()) {
            m.put("public-keys", publicKeys(f.keys()));
        }
        m.put("security-groups", Value.text(String.join("\n", f.groups().stream().map(ImdsFacts.Group::name)
                .toList())));
        m.put("services", new Dir(orderedMap("domain", Value.text("amazonaws.com"), "partition", Value.text("aws"))));
        return new Dir(m);
    }

    private static Dir network(ImdsFacts f) {
        Map<String, Node> nic = new LinkedHashMap<>();
        nic.put("device-number", Value.text("0"));
        nic.put("local-hostname", Value.text(f.hostname()));
        if (f.privateIp() != null) {
            nic.put("local-ipv4s", Value.text(f.privateIp()));
        }
        nic.put("mac", Value.text(f.mac()));
        nic.put("security-group-ids", Value.text(String.join("\n", f.groups().stream().map(ImdsFacts.Group::id)
                .toList())));
        nic.put("security-groups", Value.text(String.join("\n", f.groups().stream().map(ImdsFacts.Group::name)
                .toList())));
        if (f.subnetId() != null) {
            nic.put("subnet-id", Value.text(f.subnetId()));
        }
        if (f.vpcId() != null) {
            nic.put("vpc-id", Value.text(f.vpcId()));
        }
        return new Dir(Map.of("interfaces", new Dir(Map.of("macs", new Dir(Map.of(f.mac(), new Dir(nic)))))));
    }

    /** {@code public-keys/} lists {@code 0=name}; {@code 0/} holds {@code openssh-key}. */
    private static Dir publicKeys(List<ImdsFacts.Key> keys) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ImdsFacts.Key k = keys.get(i);
            entries.put(Integer.toString(i), new Dir(Map.of("openssh-key", Value.text(k.publicKey()))));
            labels.put(Integer.toString(i), i + "=" + k.name());
        }
        return new Dir(entries, labels);
    }

    /** The instance identity document, with the fields and order IMDS gives it. */
    static String identityDocument(ImdsFacts f) {
        JsonObject o = new JsonObject();
        o.addProperty("accountId", f.accountId());
        o.addProperty("architecture", "x86_64");
        o.addProperty("availabilityZone", f.availabilityZone());
        o.add("billingProducts", null);
        o.add("devpayProductCodes", null);
        o.add("marketplaceProductCodes", null);
        o.addProperty("imageId", f.imageId());
        o.addProperty("instanceId", f.instanceId());
        o.addProperty("instanceType", f.instanceType());
        o.add("kernelId", null);
        o.addProperty("pendingTime", f.pendingTime().truncatedTo(ChronoUnit.SECONDS).toString());
        o.addProperty("privateIp", f.privateIp());
        o.add("ramdiskId", null);
        o.addProperty("region", f.region());
        o.addProperty("version", "2017-09-30");
        return new com.google.gson.GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(o);
    }

    private static Map<String, Node> orderedMap(String k1, Node v1, String k2, Node v2) {
        Map<String, Node> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
