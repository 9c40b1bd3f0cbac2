package io.skyport.ec2.metadata;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class ImdsTreeTest {
    private static ImdsFacts facts(byte[] userData, List<ImdsFacts.Key> keys) {
        return new ImdsFacts("000000000012", "i-0123456789abcdef0", "ami-0a1b2c3d4e5f60718", "small-instance",
                "skyport-1", "Sandbox-simulator", "198.18.0.7", null, "ip-198-18-0-7.ec2.internal",
                "02:00:0a:0b:0c:0d", "vpc-1", "subnet-1", keys, List.of(new ImdsFacts.Group("sg-1", "default"),
                new ImdsFacts.Group("sg-2", "web")), Instant.parse("2026-01-02T03:04:05.678Z"), userData);
    }

    private static String get(ImdsTree.Dir root, String path) {
        return new String(ImdsTree.find(root, path).orElseThrow(() -> new AssertionError(path)).body(),
                StandardCharsets.UTF_8);
    }

    @Test
    public void categoriesAnswerTheInstancesValues() {
        ImdsTree.Dir root = ImdsTree.of(facts("hello".getBytes(StandardCharsets.UTF_8),
                List.of(new ImdsFacts.Key("mine", "ssh-ed25519 AAAA mine"))));
        assertEquals("i-0123456789abcdef0", get(root, "/meta-data/instance-id"));
        assertEquals("ami-0a1b2c3d4e5f60718", get(root, "/meta-data/ami-id"));
        assertEquals("198.18.0.7", get(root, "/meta-data/local-ipv4"));
        assertEquals("Sandbox-simulator", get(root, "/meta-data/placement/availability-zone"));
        assertEquals("skyport-1", get(root, "/meta-data/placement/region"));
        assertEquals("default\nweb", get(root, "/meta-data/security-groups"));
        assertEquals("sg-1\nsg-2", get(root, "/meta-data/network/interfaces/macs/02:00:0a:0b:0c:0d/security-group-ids"));
        assertEquals("hello", get(root, "/user-data"));
        assertEquals("application/octet-stream", ImdsTree.find(root, "/user-data").orElseThrow().contentType());
    }

    @Test
    public void directoriesListEntriesWithSlashesAndKeysAsIndexEqualsName() {
        ImdsTree.Dir root = ImdsTree.of(facts(null, List.of(new ImdsFacts.Key("one", "ssh-ed25519 A one"),
                new ImdsFacts.Key("two", "ssh-ed25519 B two"))));
        assertEquals("dynamic\nmeta-data", get(root, ""));
        assertEquals("0=one\n1=two", get(root, "/meta-data/public-keys/"));
        assertEquals("openssh-key", get(root, "/meta-data/public-keys/1"));
        assertEquals("ssh-ed25519 B two", get(root, "/meta-data/public-keys/1/openssh-key"));
        assertEquals("availability-zone\nregion", get(root, "/meta-data/placement/"));
        List<String> meta = get(root, "/meta-data/").lines().toList();
        assertTrue(meta.toString(), meta.containsAll(List.of("placement/", "public-keys/", "network/", "instance-id",
                "hostname", "local-hostname", "mac")));
    }

    @Test
    public void absentThingsAreNotFound() {
        ImdsTree.Dir root = ImdsTree.of(facts(null, List.of()));
        assertTrue("no user data, no entry", ImdsTree.find(root, "/user-data").isEmpty());
        assertTrue("no keys, no directory", ImdsTree.find(root, "/meta-data/public-keys/").isEmpty());
        assertTrue(ImdsTree.find(root, "/meta-data/nope").isEmpty());
        assertTrue("below a value", ImdsTree.find(root, "/meta-data/instance-id/more").isEmpty());
        assertFalse(get(root, "/meta-data/").contains("public-ipv4"));
    }

    @Test
    public void identityDocumentHasImdsFields() {
        JsonObject doc = JsonParser.parseString(get(ImdsTree.of(facts(null, List.of())),
                "/dynamic/instance-identity/document")).getAsJsonObject();
        assertEquals("000000000012", doc.get("accountId").getAsString());
        assertEquals("i-0123456789abcdef0", doc.get("instanceId").getAsString());
        assertEquals("ami-0a1b2c3d4e5f60718", doc.get("imageId").getAsString());
        assertEquals("small-instance", doc.get("instanceType").getAsString());
        assertEquals("198.18.0.7", doc.get("privateIp").getAsString());
        assertEquals("skyport-1", doc.get("region").getAsString());
        assertEquals("Sandbox-simulator", doc.get("availabilityZone").getAsString());
        assertEquals("2026-01-02T03:04:05Z", doc.get("pendingTime").getAsString());
        assertEquals("x86_64", doc.get("architecture").getAsString());
        assertTrue(doc.has("kernelId") && doc.get("kernelId").isJsonNull());
    }

    @Test
    public void userDataIsDecodedFromBase64() {
        assertEquals("#!/bin/sh", new String(ImdsInstances.userData("IyEvYmluL3No"), StandardCharsets.UTF_8));
        assertEquals(null, ImdsInstances.userData(null));
        assertEquals(null, ImdsInstances.userData(""));
    }
}
