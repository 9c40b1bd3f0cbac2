package io.skyport.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a node's cloud-config userdata from the templates in this package's resources
 * ({@code control.yaml}, {@code worker.yaml}). Placeholders are {@code {{key}}}; a placeholder
 * without a value is an error, so a template edit cannot ship half-rendered YAML. Values are
 * cluster/node names (checked by {@link ClusterSpec}) and URLs built from them, so nothing
 * substituted needs YAML quoting.
 */
public final class CloudConfig {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    /** The indentation of a {@code content: |} block's lines in the templates. */
    private static final String BLOCK = "      ";

    private final String controlTemplate;
    private final String workerTemplate;

    public CloudConfig(String controlTemplate, String workerTemplate) {
        this.controlTemplate = controlTemplate;
        this.workerTemplate = workerTemplate;
    }

    /** The templates shipped in the jar. */
    public static CloudConfig bundled() {
        return new CloudConfig(resource("control.yaml"), resource("worker.yaml"));
    }

    /** The userdata of one node of the cluster. */
    public String render(ClusterSpec spec, ClusterNode node) {
        List<String> control = spec.controlNames();
        Map<String, String> values = new HashMap<>();
        values.put("cluster", spec.name());
        values.put("node", node.name());
        values.put("controlCount", Integer.toString(control.size()));
        values.put("etcdEndpoints", control.stream().map(n -> "http://" + n + ":2379").collect(Collectors.joining(",")));
        values.put("apiEndpoints", control.stream().map(n -> "https://" + n + ":6443").collect(Collectors.joining(",")));
        values.put("controlEndpoints", control.stream().map(n -> BLOCK + n).collect(Collectors.joining("\n")));
        values.put("etcdBootstrap", etcdBootstrap(spec, control));
        return fill(node.role() == Role.CONTROL ? controlTemplate : workerTemplate, values);
    }

    /** Static peers (every control node by name, peer port 2380) or the discovery URL. */
    private static String etcdBootstrap(ClusterSpec spec, List<String> control) {
        if (spec.discovery() != null) {
            return BLOCK + "ETCD_DISCOVERY=" + spec.discovery();
        }
        return BLOCK + "ETCD_INITIAL_CLUSTER=" + control.stream().map(n -> n + "=http://" + n + ":2380")
                .collect(Collectors.joining(",")) + "\n" + BLOCK + "ETCD_INITIAL_CLUSTER_STATE=new\n" + BLOCK
                + "ETCD_INITIAL_CLUSTER_TOKEN=" + spec.name();
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("the template has no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = CloudConfig.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
