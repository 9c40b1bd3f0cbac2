package io.skyport.app.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Golden EC2 fixtures: {@code fixtures/ec2/<Operation>.request} (query parameters, one
 * {@code name=value} a line) and {@code <Operation>.response.xml} (the expected response). Volatile
 * values are placeholders: {@code {requestId}}, {@code {timestamp}} and {@code {any}} match any value
 * of their shape; any other {@code {name}} matches its shape and is bound to the first value seen,
 * so a later occurrence (in a response or in a later request) must be, or is given, the same value.
 */
final class Ec2Golden {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+[0-9]*)\\}");
    private static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        String hex = "[0-9a-f]{17}";
        SHAPES.put("requestId", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        SHAPES.put("timestamp", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        SHAPES.put("any", "(?s).*");
        SHAPES.put("instanceId", "i-" + hex);
        SHAPES.put("reservationId", "r-" + hex);
        SHAPES.put("imageId", "ami-" + hex);
        SHAPES.put("groupId", "sg-" + hex);
        SHAPES.put("keyPairId", "key-" + hex);
        SHAPES.put("volumeId", "vol-" + hex);
        SHAPES.put("allocationId", "eipalloc-" + hex);
        SHAPES.put("associationId", "eipassoc-" + hex);
        SHAPES.put("vpcId", "vpc-" + hex);
        SHAPES.put("subnetId", "subnet-" + hex);
        SHAPES.put("ownerId", "\\d{12}");
        SHAPES.put("imageOwnerId", "\\d{12}");
        SHAPES.put("count", "\\d+");
        SHAPES.put("size", "\\d+");
        SHAPES.put("ip", "\\d{1,3}(\\.\\d{1,3}){3}");
        SHAPES.put("cidr", "\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
        SHAPES.put("keyFingerprint", "[0-9a-f]{2}(:[0-9a-f]{2})+");
        SHAPES.put("privateKey", "(?s)-----BEGIN RSA PRIVATE KEY-----\\n.+-----END RSA PRIVATE KEY-----\\n?");
        SHAPES.put("base64", "[A-Za-z0-9+/=\\s]+");
        SHAPES.put("dnsName", "[a-z0-9.-]+");
        SHAPES.put("zoneId", "[a-z0-9-]+");
    }

    private Ec2Golden() {
    }

    /** The shape a placeholder's value must have: by its name without trailing digits; anything non-empty else. */
    static Pattern shape(String name) {
        String stem = name.replaceAll("[0-9]+$", "");
        return Pattern.compile(SHAPES.getOrDefault(stem, "(?s).+"));
    }

    /** Placeholders matched anew at every occurrence rather than bound once. */
    static boolean unbound(String name) {
        return name.equals("requestId") || name.equals("timestamp") || name.equals("any");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Ec2Golden.class.getClassLoader().getResourceAsStream("fixtures/ec2/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The request parameters of a fixture, placeholders replaced by their bound values. */
    static Map<String, String> request(String text, Map<String, String> bound) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not name=value: " + line);
            }
            out.put(line.substring(0, eq), substitute(line.substring(eq + 1), bound));
        }
        return out;
    }

    static String substitute(String value, Map<String, String> bound) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = bound.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("placeholder {" + m.group(1) + "} is not bound yet");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Compares element by element: names and namespaces, the members of each structure (in any
     * order, as EC2 clients read them), the items of each list (in order), and the text of each
     * leaf. Returns every difference found, and binds new placeholders into {@code bound}.
     */
    static List<String> compare(String expectedXml, String actualXml, Map<String, String> bound) {
        List<String> diffs = new ArrayList<>();
        Element expected = parse(expectedXml);
        Element actual = parse(actualXml);
        compare(expected, actual, "/" + expected.getLocalName(), bound, diffs);
        return diffs;
    }

    private static void compare(Element exp, Element act, String path, Map<String, String> bound, List<String> diffs) {
        if (!exp.getLocalName().equals(act.getLocalName())) {
            diffs.add(path + ": element <" + act.getLocalName() + ">, expected <" + exp.getLocalName() + ">");
            return;
        }
        if (!java.util.Objects.equals(exp.getNamespaceURI(), act.getNamespaceURI())) {
            diffs.add(path + ": namespace " + act.getNamespaceURI() + ", expected " + exp.getNamespaceURI());
        }
        List<Element> ec = children(exp);
        List<Element> ac = children(act);
        if (ec.isEmpty() && ac.isEmpty()) {
            text(exp.getTextContent(), act.getTextContent(), path, bound, diffs);
            return;
        }
        if (ec.isEmpty() != ac.isEmpty()) {
            diffs.add(path + ": " + (ec.isEmpty() ? "has children " + names(ac) + ", expected text '"
                    + exp.getTextContent() + "'" : "has no children, expected " + names(ec)));
            return;
        }
        boolean list = ec.stream().allMatch(c -> c.getLocalName().equals("item"))
                || ac.stream().allMatch(c -> c.getLocalName().equals("item"));
        if (list) {
            if (ec.size() != ac.size()) {
                diffs.add(path + ": " + ac.size() + " items, expected " + ec.size());
            }
            for (int i = 0; i < Math.min(ec.size(), ac.size()); i++) {
                compare(ec.get(i), ac.get(i), path + "/item[" + (i + 1) + "]", bound, diffs);
            }
            return;
        }
        Map<String, List<Element>> byName = group(ec);
        Map<String, List<Element>> actual = group(ac);
        for (Map.Entry<String, List<Element>> e : byName.entrySet()) {
            List<Element> a = actual.remove(e.getKey());
            if (a == null) {
                diffs.add(path + ": missing <" + e.getKey() + ">");
                continue;
            }
            if (a.size() != e.getValue().size()) {
                diffs.add(path + ": " + a.size() + " <" + e.getKey() + ">, expected " + e.getValue().size());
            }
            for (int i = 0; i < Math.min(a.size(), e.getValue().size()); i++) {
                compare(e.getValue().get(i), a.get(i), path + "/" + e.getKey(), bound, diffs);
            }
        }
        for (String extra : actual.keySet()) {
            diffs.add(path + ": unexpected <" + extra + "> " + snippet(actual.get(extra).get(0)));
        }
    }

    private static Map<String, List<Element>> group(List<Element> elements) {
        Map<String, List<Element>> out = new LinkedHashMap<>(); // in document order, so placeholders bind in it
        for (Element e : elements) {
            out.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static void text(String expected, String actual, String path, Map<String, String> bound,
                             List<String> diffs) {
        Matcher m = PLACEHOLDER.matcher(expected);
        if (!m.matches()) {
            if (!expected.equals(actual)) {
                diffs.add(path + ": '" + actual + "', expected '" + expected + "'");
            }
            return;
        }
        String name = m.group(1);
        if (!shape(name).matcher(actual).matches()) {
            diffs.add(path + ": '" + actual + "' is not a {" + name + "}");
            return;
        }
        if (unbound(name)) {
            return;
        }
        String before = bound.putIfAbsent(name, actual);
        if (before != null && !before.equals(actual)) {
            diffs.add(path + ": '" + actual + "', expected {" + name + "} = '" + before + "'");
        }
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getLocalName).toList();
    }

    private static String snippet(Element e) {
        String text = e.getTextContent();
        return children(e).isEmpty() ? "'" + text + "'" : names(children(e)).toString();
    }
}
