package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The translation step of the HTTP-hop baseline: a native {@code listVirtualMachines} JSON
 * answer rendered as an EC2 {@code DescribeInstances} XML answer, the way the retired ec2stack
 * proxy did it (parse the whole JSON document into a tree, then fill a text template with one
 * reservation per instance). It is deliberately not the server's own EC2 serializer: the
 * baseline stands for the architecture the in-process API replaces.
 */
final class DescribeInstancesXml {
    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** EC2 clients expect UTC with milliseconds. */
    private static final DateTimeFormatter EC2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** EC2 instance state code and name of a native VM state (codes as in the EC2 API reference). */
    private static final Map<String, String[]> STATES = Map.of(
            "Starting", new String[] {"0", "pending"},
            "Running", new String[] {"16", "running"},
            "Migrating", new String[] {"16", "running"},
            "Stopping", new String[] {"64", "stopping"},
            "Stopped", new String[] {"80", "stopped"},
            "Destroyed", new String[] {"32", "shutting-down"},
            "Expunging", new String[] {"48", "terminated"},
            "Error", new String[] {"48", "terminated"});

    /** Native VM uuid to the EC2 instance id the client sees. */
    private final UnaryOperator<String> instanceIds;

    /**
     * @param instanceIds maps a VM uuid to its EC2 instance id; ec2stack showed the uuid
     *                    itself, a proxy with its own id table (like OpenStack's ec2-api) a
     *                    stored {@code i-} id
     */
    DescribeInstancesXml(UnaryOperator<String> instanceIds) {
        this.instanceIds = instanceIds;
    }

    /** The XML answer for the body of a {@code response=json} listVirtualMachines answer. */
    String render(String listVirtualMachinesJson, String ownerId) {
        JsonArray vms = NativeVmJson.virtualMachines(NativeVmJson.response(listVirtualMachinesJson));
        StringBuilder xml = new StringBuilder(1024 + vms.size() * 900);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"")
                .append(NAMESPACE).append("\">\n  <requestId>").append(UUID.randomUUID())
                .append("</requestId>\n  <reservationSet>\n");
        for (JsonElement e : vms) {
            reservation(xml, e.getAsJsonObject(), ownerId);
        }
        xml.append("  </reservationSet>\n</DescribeInstancesResponse>\n");
        return xml.toString();
    }

    private void reservation(StringBuilder xml, JsonObject vm, String ownerId) {
        String[] state = STATES.getOrDefault(text(vm, "state"), new String[] {"0", "pending"});
        xml.append("    <item>\n      <reservationId>r-").append(text(vm, "id").replace("-", "").substring(0, 17))
                .append("</reservationId>\n");
        element(xml, 6, "ownerId", ownerId);
        xml.append("      <groupSet/>\n      <instancesSet>\n        <item>\n");
        element(xml, 10, "instanceId", instanceIds.apply(text(vm, "id")));
        element(xml, 10, "imageId", text(vm, "templateid"));
        xml.append("          <instanceState>\n");
        element(xml, 12, "code", state[0]);
        element(xml, 12, "name", state[1]);
        xml.append("          </instanceState>\n");
        element(xml, 10, "privateDnsName", text(vm, "name"));
        element(xml, 10, "dnsName", "");
        element(xml, 10, "keyName", text(vm, "keypair"));
        element(xml, 10, "amiLaunchIndex", "0");
        element(xml, 10, "instanceType", text(vm, "serviceofferingname"));
        element(xml, 10, "launchTime", NativeVmJson.utc(text(vm, "created"), EC2_TIME));
        xml.append("          <placement>\n");
        element(xml, 12, "availabilityZone", text(vm, "zonename"));
        element(xml, 12, "tenancy", "default");
        xml.append("          </placement>\n          <monitoring>\n            <state>disabled</state>\n"
                + "          </monitoring>\n");
        element(xml, 10, "privateIpAddress", NativeVmJson.defaultIp(vm));
        element(xml, 10, "hypervisor", "xen");
        element(xml, 10, "virtualizationType", "hvm");
        element(xml, 10, "rootDeviceType", "ebs");
        tagSet(xml, vm);
        xml.append("        </item>\n      </instancesSet>\n    </item>\n");
    }

    /** The VM's name as the EC2 {@code Name} tag, then its resource tags. */
    private static void tagSet(StringBuilder xml, JsonObject vm) {
        xml.append("          <tagSet>\n");
        tag(xml, "Name", text(vm, "name"));
        if (vm.has("tags")) {
            for (JsonElement t : vm.getAsJsonArray("tags")) {
                JsonObject tag = t.getAsJsonObject();
                tag(xml, text(tag, "key"), text(tag, "value"));
            }
        }
        xml.append("          </tagSet>\n");
    }

    private static void tag(StringBuilder xml, String key, String value) {
        xml.append("            <item>\n");
        element(xml, 14, "key", key);
        element(xml, 14, "value", value);
        xml.append("            </item>\n");
    }


    private static void element(StringBuilder xml, int indent, String name, String value) {
        xml.append(" ".repeat(indent));
        if (value.isEmpty()) {
            xml.append('<').append(name).append("/>\n");
            return;
        }
        xml.append('<').append(name).append('>');
        escape(xml, value);
        xml.append("</").append(name).append(">\n");
    }

    static void escape(StringBuilder xml, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
    }

    private static String text(JsonObject o, String name) {
        return NativeVmJson.text(o, name);
    }

    /**
     * Instance id by the value of its {@code Name} tag, read from any DescribeInstances answer
     * (the server's or this translator's): how the benchmark checks that both list the same instances.
     */
    static Map<String, String> instancesByName(String xml) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> out = new HashMap<>();
        NodeList sets = doc.getElementsByTagName("instancesSet");
        for (int i = 0; i < sets.getLength(); i++) {
            for (Element instance : children((Element) sets.item(i), "item")) {
                String id = childText(instance, "instanceId");
                for (Element tagSet : children(instance, "tagSet")) {
                    for (Element tag : children(tagSet, "item")) {
                        if ("Name".equals(childText(tag, "key"))) {
                            out.put(childText(tag, "value"), id);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String childText(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? "" : c.get(0).getTextContent().trim();
    }
}
