package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The baseline translator turns a listVirtualMachines answer into the DescribeInstances XML a client reads. */
public class DescribeInstancesXmlTest {
    private static final String WEB = "a57368ce-f164-4b9f-8d5b-8447354c2bd6";
    private static final String DB = "0b9d0a55-3c1e-4c55-9d0e-52f3c1f0a001";

    @Test
    public void everyVmBecomesAnInstanceWithItsStateTypePlacementAndAddress() throws Exception {
        Document xml = parse(new DescribeInstancesXml(uuid -> uuid).render(fixture(), "owner-key"));

        assertEquals(List.of(WEB, DB), texts(xml, "//reservationSet/item/instancesSet/item/instanceId"));
        assertEquals(List.of("16", "80"), texts(xml, "//instancesSet/item/instanceState/code"));
        assertEquals(List.of("running", "stopped"), texts(xml, "//instancesSet/item/instanceState/name"));
        assertEquals(List.of("Small Instance", "Medium Instance"), texts(xml, "//instancesSet/item/instanceType"));
        assertEquals(List.of("Sandbox-simulator", "Sandbox-simulator"),
                texts(xml, "//instancesSet/item/placement/availabilityZone"));
        assertEquals(List.of("5a73209d-e887-11f1-a032-02fc00000001", "5a73209d-e887-11f1-a032-02fc00000001"),
                texts(xml, "//instancesSet/item/imageId"));
        // the default NIC's address, not the first NIC's
        assertEquals(List.of("10.1.1.136", "10.1.1.137"), texts(xml, "//instancesSet/item/privateIpAddress"));
        assertEquals(List.of("owner-key", "owner-key"), texts(xml, "//reservationSet/item/ownerId"));
    }

    @Test
    public void launchTimeIsUtcWithMilliseconds() throws Exception {
        Document xml = parse(new DescribeInstancesXml(uuid -> uuid).render(fixture(), "o"));

        assertEquals(List.of("2026-11-25T04:47:34.000Z", "2026-11-25T05:15:02.000Z"),
                texts(xml, "//instancesSet/item/launchTime"));
    }

    @Test
    public void nameBecomesTheNameTagAndResourceTagsFollowEscaped() throws Exception {
        String rendered = new DescribeInstancesXml(uuid -> uuid).render(fixture(), "o");
        Document xml = parse(rendered);

        assertEquals(Map.of("web-1", WEB, "db-1", DB), DescribeInstancesXml.instancesByName(rendered));
        assertEquals(List.of("Name", "team"), texts(xml, "//instancesSet/item[instanceId='" + DB + "']/tagSet/item/key"));
        assertEquals(List.of("db-1", "R&D <core>"),
                texts(xml, "//instancesSet/item[instanceId='" + DB + "']/tagSet/item/value"));
    }

    @Test
    public void instanceIdsComeFromTheGivenMapping() throws Exception {
        Map<String, String> ids = Map.of(WEB, "i-0123456789abcdef0", DB, "i-0fedcba9876543210");
        Document xml = parse(new DescribeInstancesXml(ids::get).render(fixture(), "o"));

        assertEquals(List.of("i-0123456789abcdef0", "i-0fedcba9876543210"),
                texts(xml, "//instancesSet/item/instanceId"));
    }

    @Test
    public void anAccountWithoutVmsHasAnEmptyReservationSet() throws Exception {
        Document xml = parse(new DescribeInstancesXml(uuid -> uuid).render("{\"listvirtualmachinesresponse\":{}}", "o"));

        assertEquals(List.of(), texts(xml, "//instanceId"));
        assertEquals(1, ((NodeList) xpath().evaluate("/DescribeInstancesResponse/reservationSet", xml,
                XPathConstants.NODESET)).getLength());
    }

    @Test
    public void anErrorAnswerIsNotTranslated() {
        assertThrows(IllegalArgumentException.class, () -> new DescribeInstancesXml(uuid -> uuid)
                .render("{\"errorresponse\":{\"errorcode\":401,\"errortext\":\"unable to verify\"}}", "o"));
    }

    static String fixture() throws IOException {
        try (InputStream in = DescribeInstancesXmlTest.class.getResourceAsStream("listVirtualMachines.two.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document xml, String path) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(path, xml, XPathConstants.NODESET);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }
}
