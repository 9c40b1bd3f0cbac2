package io.skyport.ec2.wire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Response objects written as EC2 XML, checked against the element structure of the example
 * responses in the EC2 API reference (DescribeInstances, RunInstances, DescribeKeyPairs, and the
 * error response of "Error codes for the Amazon EC2 API").
 */
public class XmlWriterTest {
    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String REQUEST_ID = "8f7724cf-496f-496e-8fe3-example";

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
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

    static List<String> names(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    /** The only child element of that name; null when absent; fails when repeated. */
    static Element child(Element e, String name) {
        Element found = null;
        for (Element c : children(e)) {
            if (c.getLocalName().equals(name)) {
                assertNull("more than one <" + name + "> in <" + e.getLocalName() + ">", found);
                found = c;
            }
        }
        return found;
    }

    static Element path(Element e, String... names) {
        Element at = e;
        for (String n : names) {
            at = child(at, n);
            assertNotNull("no <" + n + ">", at);
        }
        return at;
    }

    static String text(Element e, String... names) {
        Element at = path(e, names);
        assertTrue("<" + at.getLocalName() + "> has element content", children(at).isEmpty());
        return at.getTextContent();
    }

    private static Instance instance() {
        return Instance.builder()
                .instanceId("i-1234567890abcdef0")
                .imageId("ami-bff32ccc")
                .state(s -> s.code(16).name(InstanceStateName.RUNNING))
                .privateDnsName("ip-192-168-1-88.eu-west-1.compute.internal")
                .keyName("my_keypair")
                .amiLaunchIndex(0)
                .instanceType("t2.micro")
                .launchTime(Instant.parse("2018-05-08T16:46:19Z"))
                .placement(p -> p.availabilityZone("eu-west-1c").tenancy("default"))
                .monitoring(m -> m.state("disabled"))
                .privateIpAddress("192.168.1.88")
                .securityGroups(GroupIdentifier.builder().groupId("sg-e4076980").groupName("SecurityGroup1").build())
                .tags(Tag.builder().key("Name").value("Server_1").build())
                .ebsOptimized(false)
                .sourceDestCheck(true)
                .build();
    }

    @Test
    public void describeInstances() throws Exception {
        DescribeInstancesResponse body = DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-1234567890abcdef0").ownerId("123456789012")
                        .groups(List.of()).instances(instance()).build())
                .build();
        String xml = XmlWriter.response("DescribeInstances", REQUEST_ID, body);
        Element root = parse(xml).getDocumentElement();
        assertEquals("DescribeInstancesResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(List.of("requestId", "reservationSet"), names(root));
        assertEquals(REQUEST_ID, text(root, "requestId"));
        Element reservation = path(root, "reservationSet", "item");
        assertEquals(1, children(path(root, "reservationSet")).size());
        assertEquals("r-1234567890abcdef0", text(reservation, "reservationId"));
        assertEquals("123456789012", text(reservation, "ownerId"));
        // set to an empty list: present and empty
        Element groupSet = path(reservation, "groupSet");
        assertTrue(children(groupSet).isEmpty());
        assertEquals("", groupSet.getTextContent());
        assertTrue("an empty list is written as an empty element", xml.contains("<groupSet/>"));
        // never set: absent
        assertNull(child(reservation, "requesterId"));

        Element i = path(reservation, "instancesSet", "item");
        assertEquals("i-1234567890abcdef0", text(i, "instanceId"));
        assertEquals("ami-bff32ccc", text(i, "imageId"));
        assertEquals(List.of("code", "name"), names(path(i, "instanceState")));
        assertEquals("16", text(i, "instanceState", "code"));
        assertEquals("running", text(i, "instanceState", "name"));
        assertEquals("ip-192-168-1-88.eu-west-1.compute.internal", text(i, "privateDnsName"));
        assertEquals("my_keypair", text(i, "keyName"));
        assertEquals("0", text(i, "amiLaunchIndex"));
        assertEquals("t2.micro", text(i, "instanceType"));
        assertEquals("2018-05-08T16:46:19.000Z", text(i, "launchTime"));
        assertEquals("eu-west-1c", text(i, "placement", "availabilityZone"));
        assertEquals("default", text(i, "placement", "tenancy"));
        assertEquals("disabled", text(i, "monitoring", "state"));
        assertEquals("192.168.1.88", text(i, "privateIpAddress"));
        assertEquals("sg-e4076980", text(i, "groupSet", "item", "groupId"));
        assertEquals("SecurityGroup1", text(i, "groupSet", "item", "groupName"));
        assertEquals(List.of("key", "value"), names(path(i, "tagSet", "item")));
        assertEquals("Name", text(i, "tagSet", "item", "key"));
        assertEquals("Server_1", text(i, "tagSet", "item", "value"));
        assertEquals("false", text(i, "ebsOptimized"));
        assertEquals("true", text(i, "sourceDestCheck"));
        // members never set are not written, not even empty
        assertNull(child(i, "dnsName"));
        assertNull(child(i, "blockDeviceMapping"));
        assertNull(child(i, "productCodes"));
        // the SDK's member names are not the wire names
        assertNull(child(i, "state"));
        assertNull(child(i, "tags"));
        assertNull(child(i, "securityGroups"));
    }

    @Test
    public void describeInstancesWithNothingFound() throws Exception {
        String xml = XmlWriter.response("DescribeInstances", REQUEST_ID,
                DescribeInstancesResponse.builder().reservations(List.of()).build());
        Element root = parse(xml).getDocumentElement();
        assertEquals(List.of("requestId", "reservationSet"), names(root));
        assertTrue(children(path(root, "reservationSet")).isEmpty());
    }

    @Test
    public void runInstances() throws Exception {
        Instance pending = instance().toBuilder().state(s -> s.code(0).name(InstanceStateName.PENDING)).build();
        RunInstancesResponse body = RunInstancesResponse.builder().reservationId("r-1234567890abcdef0")
                .ownerId("123456789012").groups(List.of()).instances(pending).build();
        Element root = parse(XmlWriter.response("RunInstances", REQUEST_ID, body)).getDocumentElement();
        assertEquals("RunInstancesResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals("requestId", names(root).get(0));
        assertEquals("r-1234567890abcdef0", text(root, "reservationId"));
        assertEquals("123456789012", text(root, "ownerId"));
        assertTrue(children(path(root, "groupSet")).isEmpty());
        Element i = path(root, "instancesSet", "item");
        assertEquals("0", text(i, "instanceState", "code"));
        assertEquals("pending", text(i, "instanceState", "name"));
        assertNull(child(root, "reservationSet"));
    }

    @Test
    public void describeKeyPairs() throws Exception {
        DescribeKeyPairsResponse body = DescribeKeyPairsResponse.builder().keyPairs(KeyPairInfo.builder()
                .keyPairId("key-0123456789abcdef0").keyName("my-key-pair")
                .keyFingerprint("1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f")
                .keyType("rsa").createTime(Instant.parse("2021-02-01T12:34:56.789Z")).tags(List.of()).build())
                .build();
        Element root = parse(XmlWriter.response("DescribeKeyPairs", REQUEST_ID, body)).getDocumentElement();
        assertEquals("DescribeKeyPairsResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(List.of("requestId", "keySet"), names(root));
        Element k = path(root, "keySet", "item");
        assertEquals("key-0123456789abcdef0", text(k, "keyPairId"));
        assertEquals("my-key-pair", text(k, "keyName"));
        assertEquals("1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f", text(k, "keyFingerprint"));
        assertEquals("rsa", text(k, "keyType"));
        assertEquals("2021-02-01T12:34:56.789Z", text(k, "createTime"));
        assertTrue(children(path(k, "tagSet")).isEmpty());
        assertNull(child(k, "publicKey"));
    }

    @Test
    public void textIsEscaped() throws Exception {
        DescribeInstancesResponse body = DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-1").instances(Instance.builder()
                        .instanceId("i-1").tags(Tag.builder().key("a&b").value("<script>\"x\" 'y'</script> > 1")
                                .build()).build()).build())
                .build();
        String xml = XmlWriter.response("DescribeInstances", "r&<>", body);
        assertTrue(xml, xml.contains("<key>a&amp;b</key>"));
        assertTrue(xml, xml.contains("&lt;script&gt;"));
        Element root = parse(xml).getDocumentElement();
        assertEquals("r&<>", text(root, "requestId"));
        Element tag = path(root, "reservationSet", "item", "instancesSet", "item", "tagSet", "item");
        assertEquals("a&b", text(tag, "key"));
        assertEquals("<script>\"x\" 'y'</script> > 1", text(tag, "value"));
    }

    @Test
    public void controlCharactersStillParse() throws Exception {
        String xml = XmlWriter.error("InvalidParameterValue", "bad \u0001 value\ttab", "req-1");
        Element root = parse(xml).getDocumentElement();
        assertTrue(text(root, "Errors", "Error", "Message").startsWith("bad "));
        assertTrue(text(root, "Errors", "Error", "Message").endsWith(" value\ttab"));
    }

    @Test
    public void charactersXmlCannotCarryStillParseAndOthersSurvive() throws Exception {
        // U+FFFE and U+FFFF are valid UTF-8 in a request (EF BF BE, EF BF BF) but not XML 1.0 characters;
        // a lone surrogate is not a character at all. A tag value holding one must not break every listing.
        String value = "a\uFFFEb\uFFFFc\uD800d \uD83D\uDE80 é";
        DescribeInstancesResponse body = DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-1").instances(Instance.builder()
                        .instanceId("i-1").tags(Tag.builder().key("k").value(value).build()).build()).build())
                .build();
        Element root = parse(XmlWriter.response("DescribeInstances", REQUEST_ID, body)).getDocumentElement();
        String got = text(root, "reservationSet", "item", "instancesSet", "item", "tagSet", "item", "value");
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd \uD83D\uDE80 é", got);
    }

    @Test
    public void errorBody() throws Exception {
        String xml = XmlWriter.error("InvalidInstanceID.NotFound", "The instance ID 'i-1a2b3c4d' does not exist & <no>",
                "ea966190-f9aa-478e-9ede-example");
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("Response", root.getLocalName());
        assertNull("the error body has no namespace", root.getNamespaceURI());
        assertEquals(List.of("Errors", "RequestID"), names(root));
        assertEquals(List.of("Error"), names(path(root, "Errors")));
        assertEquals(List.of("Code", "Message"), names(path(root, "Errors", "Error")));
        assertEquals("InvalidInstanceID.NotFound", text(root, "Errors", "Error", "Code"));
        assertEquals("The instance ID 'i-1a2b3c4d' does not exist & <no>", text(root, "Errors", "Error", "Message"));
        assertEquals("ea966190-f9aa-478e-9ede-example", text(root, "RequestID"));
    }
}
