package io.skyport.app.cluster;

import io.skyport.app.client.Ec2RequestSigner;
import io.skyport.core.keypair.SshKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The cluster through the EC2 Query API: CreateSecurityGroup and AuthorizeSecurityGroupIngress
 * (internal ports from the group itself, SSH from the CIDR), ImportKeyPair, and one RunInstances
 * per node with UserData, KeyName, SecurityGroupId and a TagSpecification carrying Name, cluster
 * and role. Requests are signed with SigV4 as the AWS SDK signs them.
 */
final class Ec2ClusterApi implements ClusterApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Ec2RequestSigner signer;
    private String zone;
    private String instanceType;
    private String imageId;
    private String groupId;
    private String keyName;

    Ec2ClusterApi(Credentials credentials) {
        this.endpoint = URI.create(credentials.baseUrl() + "/ec2");
        this.signer = new Ec2RequestSigner(credentials.apiKey(), credentials.secretKey());
    }

    @Override
    public void prepare(ClusterSpec spec) {
        zone = text(Names.pick("availability zone", spec.zone(), items(call("DescribeAvailabilityZones"),
                "availabilityZoneInfo"), e -> text(e, "zoneName"), e -> text(e, "zoneName")), "zoneName");
        instanceType = text(Names.pick("instance type", spec.offering(), items(call("DescribeInstanceTypes"),
                "instanceTypeSet"), e -> text(e, "instanceType"), e -> text(e, "instanceType")), "instanceType");
        imageId = text(Names.pick("image", spec.template(), items(call("DescribeImages"), "imagesSet"),
                e -> text(e, "imageId"), e -> text(e, "name")), "imageId");
        String group = ClusterSpec.groupName(spec.name());
        groupId = findGroup(group);
        if (groupId == null) {
            groupId = text(call("CreateSecurityGroup", "GroupName", group, "GroupDescription", "Skyport cluster "
                    + spec.name()), "groupId");
            for (ClusterPorts.Rule r : ClusterPorts.INTERNAL) {
                call("AuthorizeSecurityGroupIngress", "GroupId", groupId, "IpPermissions.1.IpProtocol", r.protocol(),
                        "IpPermissions.1.FromPort", Integer.toString(r.from()), "IpPermissions.1.ToPort",
                        Integer.toString(r.to()), "IpPermissions.1.Groups.1.GroupId", groupId);
            }
            ClusterPorts.Rule ssh = ClusterPorts.SSH;
            call("AuthorizeSecurityGroupIngress", "GroupId", groupId, "IpPermissions.1.IpProtocol", ssh.protocol(),
                    "IpPermissions.1.FromPort", Integer.toString(ssh.from()), "IpPermissions.1.ToPort",
                    Integer.toString(ssh.to()), "IpPermissions.1.IpRanges.1.CidrIp", spec.sshCidr());
        }
        keyName = spec.keypair();
        if (spec.publicKey() != null) {
            // as through the native API: a key the account already holds is used under its name
            String fingerprint = SshKeys.fingerprint(spec.publicKey());
            keyName = items(call("DescribeKeyPairs"), "keySet").stream()
                    .filter(k -> fingerprint.equals(text(k, "keyFingerprint"))).map(k -> text(k, "keyName"))
                    .findFirst().orElse(null);
            if (keyName == null) {
                call("ImportKeyPair", "KeyName", group, "PublicKeyMaterial", Base64.getEncoder().encodeToString(
                        spec.publicKey().getBytes(StandardCharsets.UTF_8)));
                keyName = group;
            }
        }
    }

    @Override
    public void launch(ClusterSpec spec, ClusterNode node, String userData) {
        List<String> kv = new ArrayList<>(List.of("ImageId", imageId, "InstanceType", instanceType, "MinCount", "1",
                "MaxCount", "1", "SecurityGroupId.1", groupId, "Placement.AvailabilityZone", zone, "UserData",
                Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)),
                "TagSpecification.1.ResourceType", "instance",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", node.name(),
                "TagSpecification.1.Tag.2.Key", CLUSTER_TAG, "TagSpecification.1.Tag.2.Value", spec.name(),
                "TagSpecification.1.Tag.3.Key", ROLE_TAG, "TagSpecification.1.Tag.3.Value", node.role().label()));
        if (keyName != null) {
            kv.addAll(List.of("KeyName", keyName));
        }
        call("RunInstances", kv.toArray(String[]::new));
    }

    @Override
    public List<NodeStatus> nodes(String cluster) {
        List<NodeStatus> out = new ArrayList<>();
        String token = null;
        do {
            Element answer = token == null ? call("DescribeInstances") : call("DescribeInstances", "NextToken", token);
            for (Element reservation : items(answer, "reservationSet")) {
                for (Element i : items(reservation, "instancesSet")) {
                    Map<String, String> tags = new HashMap<>();
                    items(i, "tagSet").forEach(t -> tags.put(text(t, "key"), text(t, "value")));
                    String owner = tags.get(CLUSTER_TAG);
                    String state = text(child(i, "instanceState"), "name");
                    // a terminated instance stays listed a while; it is no longer part of the cluster
                    if (owner == null || (cluster != null && !cluster.equals(owner)) || "terminated".equals(state)) {
                        continue;
                    }
                    out.add(new NodeStatus(owner, tags.getOrDefault("Name", text(i, "instanceId")),
                            Role.ofLabel(tags.get(ROLE_TAG)), text(i, "instanceId"), state,
                            text(i, "privateIpAddress")));
                }
            }
            token = text(answer, "nextToken");
        } while (!token.isEmpty());
        return out;
    }

    @Override
    public void deleteNodes(List<NodeStatus> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        List<String> kv = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            kv.addAll(List.of("InstanceId." + (i + 1), nodes.get(i).id()));
        }
        call("TerminateInstances", kv.toArray(String[]::new));
    }

    @Override
    public void deleteShared(String cluster) {
        String group = ClusterSpec.groupName(cluster);
        String id = findGroup(group);
        if (id != null) {
            call("DeleteSecurityGroup", "GroupId", id);
        }
        if (keyExists(group)) {
            call("DeleteKeyPair", "KeyName", group);
        }
    }

    @Override
    public List<String> rules(String cluster) {
        List<String> out = new ArrayList<>();
        for (Element g : items(call("DescribeSecurityGroups"), "securityGroupInfo")) {
            if (!ClusterSpec.groupName(cluster).equals(text(g, "groupName"))) {
                continue;
            }
            for (Element p : items(g, "ipPermissions")) {
                String range = text(p, "ipProtocol") + " " + text(p, "fromPort") + "-" + text(p, "toPort");
                items(p, "groups").forEach(s -> out.add(range + " from group " + text(s, "groupId")));
                items(p, "ipRanges").forEach(s -> out.add(range + " from " + text(s, "cidrIp")));
            }
        }
        return out;
    }

    private String findGroup(String name) {
        for (Element g : items(call("DescribeSecurityGroups"), "securityGroupInfo")) {
            if (name.equals(text(g, "groupName"))) {
                return text(g, "groupId");
            }
        }
        return null;
    }

    private boolean keyExists(String name) {
        return items(call("DescribeKeyPairs"), "keySet").stream().anyMatch(k -> name.equals(text(k, "keyName")));
    }

    /** The answer's document element; an error answer is an exception with its code and message. */
    private Element call(String action, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(signer.request(endpoint, action, params),
                    HttpResponse.BodyHandlers.ofString());
            Element root = parse(r.body());
            if (r.statusCode() != 200) {
                Element error = root == null ? null : first(root, "Error");
                throw new ClusterException(action + ": " + (error == null ? "HTTP " + r.statusCode() + " " + r.body()
                        : text(error, "Code") + ": " + text(error, "Message")));
            }
            return root;
        } catch (IOException e) {
            throw new ClusterException(action + ": cannot reach " + endpoint + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(action + ": interrupted");
        }
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    /** The {@code item} children of the element's child {@code set} (EC2's list shape). */
    static List<Element> items(Element parent, String set) {
        List<Element> out = new ArrayList<>();
        Element s = child(parent, set);
        for (Node n = s == null ? null : s.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "item".equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** The first element of that name anywhere below (error answers nest Errors/Error). */
    private static Element first(Element root, String name) {
        Node n = root.getElementsByTagName(name).item(0);
        return n instanceof Element e ? e : null;
    }

    static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? "" : c.getTextContent().trim();
    }
}
