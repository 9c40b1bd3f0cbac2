package io.skyport.api.write;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.plugin.response.ListResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The JSON and XML writers against CloudStack 4.20's captured bodies. */
public class WritersTest {
    private static JsonObject capture(String file) throws Exception {
        try (InputStream in = WritersTest.class.getResourceAsStream("/reference/cloudstack-4.20/" + file)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The child elements of a captured zone as a view would hold them: booleans and numbers typed. */
    private static Map<String, Object> fields(Element zone) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node n = zone.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.put(n.getNodeName(), typed(n.getTextContent()));
            }
        }
        return out;
    }

    private static Object typed(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        return text.matches("\\d{1,9}") ? (Object) Integer.valueOf(text) : text;
    }

    /**
     * The captured listZones XML is parsed into entity views, rendered back through the same
     * path every list command takes, and must come out byte for byte as captured: declaration,
     * root element with its cloud-stack-version attribute, count first, then the entity
     * elements in field order, empty values as open-close pairs.
     */
    @Test
    public void listZonesXmlIsReproducedExactly() throws Exception {
        JsonObject cap = capture("listZones.xml.json");
        String reference = cap.get("body").getAsString();
        Document doc = parse(reference);
        Element root = doc.getDocumentElement();
        assertEquals("listzonesresponse", root.getNodeName());
        List<Map<String, Object>> zones = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("zone".equals(n.getNodeName())) {
                zones.add(fields((Element) n));
            }
        }
        assertEquals(1, zones.size());
        String rendered = Writers.xml("listzonesresponse", ResponseTree.body(ListResponse.of("zone", zones)));
        assertEquals(reference, rendered);
        assertEquals(cap.get("content_type").getAsString(), Writers.XML_TYPE);
    }

    @Test
    public void severalEntitiesRepeatTheElementAfterTheCount() throws Exception {
        List<Map<String, Object>> zones = List.of(Map.of("id", "a"), Map.of("id", "b"));
        String xml = Writers.xml("listzonesresponse", ResponseTree.body(ListResponse.of("zone", zones)));
        assertTrue(xml, xml.endsWith("<listzonesresponse cloud-stack-version=\"" + Writers.COMPAT_VERSION + "\">"
                + "<count>2</count><zone><id>a</id></zone><zone><id>b</id></zone></listzonesresponse>"));
        Element root = parse(xml).getDocumentElement();
        assertEquals("count", ((Element) root.getFirstChild()).getTagName());
        assertEquals(2, root.getElementsByTagName("zone").getLength());
    }

    @Test
    public void markupInValuesIsEscapedAndSurvivesAParser() throws Exception {
        String nasty = "<b>Tom & \"Jerry\"</b>";
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("name", nasty);
        String xml = Writers.xml("listzonesresponse", ResponseTree.body(ListResponse.of("zone", List.of(zone))));
        assertTrue(xml, xml.contains("<name>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</name>"));
        assertEquals(nasty, parse(xml).getElementsByTagName("name").item(0).getTextContent());
    }

    @Test
    public void nestedObjectsAndListsBecomeNestedAndRepeatedElements() {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("id", "v1");
        vm.put("nic", List.of(Map.of("ipaddress", "10.0.0.2"), Map.of("ipaddress", "10.0.0.3")));
        vm.put("tags", List.of());
        String xml = Writers.xml("listvirtualmachinesresponse",
                ResponseTree.body(ListResponse.of("virtualmachine", List.of(vm))));
        assertTrue(xml, xml.contains("<virtualmachine><id>v1</id><nic><ipaddress>10.0.0.2</ipaddress></nic>"
                + "<nic><ipaddress>10.0.0.3</ipaddress></nic></virtualmachine>"));
    }

    /** CloudStack answers an empty list with an empty object: no count, no entity key. */
    @Test
    public void emptyListIsAnEmptyObjectInJsonAndXml() throws Exception {
        JsonObject cap = capture("empty.listVolumes.json");
        String json = Writers.json("listvolumesresponse", ResponseTree.body(ListResponse.of("volume", List.of())));
        assertEquals(cap.get("body").toString(), json);
        assertEquals("{\"xresponse\":{}}", Writers.json("xresponse", ResponseTree.body(ListResponse.of("x", List.of()))));
        assertEquals(cap.get("content_type").getAsString(), Writers.JSON_TYPE);
        String xml = Writers.xml("listvolumesresponse", ResponseTree.body(ListResponse.of("volume", List.of())));
        assertTrue(xml, xml.endsWith("<listvolumesresponse cloud-stack-version=\"" + Writers.COMPAT_VERSION
                + "\"></listvolumesresponse>"));
    }

    @Test
    public void jsonKeepsTypesAndDoesNotHtmlEscape() {
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("name", "a<b>&'c'");
        zone.put("securitygroupsenabled", false);
        zone.put("routerpublicinterfacemaxmtu", 1500);
        String json = Writers.json("listzonesresponse", ResponseTree.body(ListResponse.of("zone", List.of(zone))));
        assertEquals("{\"listzonesresponse\":{\"count\":1,\"zone\":[{\"name\":\"a<b>&'c'\","
                + "\"securitygroupsenabled\":false,\"routerpublicinterfacemaxmtu\":1500}]}}", json);
    }
}
