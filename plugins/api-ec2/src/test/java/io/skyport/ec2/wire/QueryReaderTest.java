package io.skyport.ec2.wire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.utils.builder.Buildable;

/** EC2 Query parameters, as the EC2 API reference spells them, read into the SDK's request objects. */
public class QueryReaderTest {

    private static TreeMap<String, String> params(String... kv) {
        TreeMap<String, String> p = new TreeMap<>();
        p.put("Action", "X");
        p.put("Version", "2016-11-15");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static Ec2Exception refused(Buildable builder, TreeMap<String, String> params) {
        try {
            QueryReader.read(builder, params);
        } catch (Ec2Exception e) {
            return e;
        }
        fail("the parameters were accepted");
        return null;
    }

    @Test
    public void runInstances() {
        RunInstancesRequest r = QueryReader.read(RunInstancesRequest.builder(), params(
                "ImageId", "ami-0abcdef1234567890",
                "MinCount", "1",
                "MaxCount", "3",
                "InstanceType", "t2.micro",
                "KeyName", "my-key",
                "SecurityGroupId.1", "sg-1a2b3c4d",
                "SecurityGroupId.2", "sg-9f8e7d6c",
                "TagSpecification.1.ResourceType", "instance",
                "TagSpecification.1.Tag.1.Key", "Name",
                "TagSpecification.1.Tag.1.Value", "web & db",
                "TagSpecification.1.Tag.2.Key", "env",
                "TagSpecification.1.Tag.2.Value", "",
                "Placement.AvailabilityZone", "skyport-1a",
                "UserData", "IyEvYmluL2Jhc2gKZWNobyBoaQ==",
                "ClientToken", "token-1",
                "DisableApiTermination", "true"));
        assertEquals("ami-0abcdef1234567890", r.imageId());
        assertEquals(Integer.valueOf(1), r.minCount());
        assertEquals(Integer.valueOf(3), r.maxCount());
        assertEquals("t2.micro", r.instanceTypeAsString());
        assertEquals("my-key", r.keyName());
        assertEquals(List.of("sg-1a2b3c4d", "sg-9f8e7d6c"), r.securityGroupIds());
        assertEquals(1, r.tagSpecifications().size());
        TagSpecification ts = r.tagSpecifications().get(0);
        assertEquals(ResourceType.INSTANCE, ts.resourceType());
        assertEquals(List.of(Tag.builder().key("Name").value("web & db").build(),
                Tag.builder().key("env").value("").build()), ts.tags());
        assertEquals("skyport-1a", r.placement().availabilityZone());
        assertNull(r.placement().tenancy());
        // user data stays the base64 text the client sent: the model types it as a string
        assertEquals("IyEvYmluL2Jhc2gKZWNobyBoaQ==", r.userData());
        assertEquals("token-1", r.clientToken());
        assertEquals(Boolean.TRUE, r.disableApiTermination());
        assertNull(r.dryRun());
        assertTrue("unset lists are not set", !r.hasSecurityGroups());
    }

    @Test
    public void describeInstancesFiltersAndIds() {
        DescribeInstancesRequest r = QueryReader.read(DescribeInstancesRequest.builder(), params(
                "Filter.1.Name", "instance-state-name",
                "Filter.1.Value.1", "running",
                "Filter.1.Value.2", "pending",
                "Filter.2.Name", "tag:Name",
                "Filter.2.Value.1", "web",
                "InstanceId.1", "i-1234567890abcdef0",
                "InstanceId.2", "i-0598c7d356eba48d7",
                "MaxResults", "10",
                "NextToken", "abc"));
        assertEquals(List.of(
                Filter.builder().name("instance-state-name").values("running", "pending").build(),
                Filter.builder().name("tag:Name").values("web").build()), r.filters());
        assertEquals(List.of("i-1234567890abcdef0", "i-0598c7d356eba48d7"), r.instanceIds());
        assertEquals(Integer.valueOf(10), r.maxResults());
        assertEquals("abc", r.nextToken());
    }

    @Test
    public void listsAreOrderedByIndexNotByName() {
        // InstanceId.10 sorts before InstanceId.2 as a string
        TreeMap<String, String> p = params();
        for (int i = 1; i <= 11; i++) {
            p.put("InstanceId." + i, "i-" + i);
        }
        DescribeInstancesRequest r = QueryReader.read(DescribeInstancesRequest.builder(), p);
        assertEquals(11, r.instanceIds().size());
        assertEquals("i-2", r.instanceIds().get(1));
        assertEquals("i-10", r.instanceIds().get(9));
    }

    @Test
    public void importKeyPairBlobIsBase64Decoded() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhlbGxvLXNreXBvcnQtdGVzdC1rZXktbWF0ZXJpYWw user@host";
        String encoded = java.util.Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        ImportKeyPairRequest r = QueryReader.read(ImportKeyPairRequest.builder(), params(
                "KeyName", "laptop", "PublicKeyMaterial", encoded));
        assertEquals("laptop", r.keyName());
        assertEquals(key, r.publicKeyMaterial().asUtf8String());
    }

    @Test
    public void importKeyPairBlobMayBeWrapped() {
        String key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== me";
        String encoded = java.util.Base64.getMimeEncoder(16, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getBytes(StandardCharsets.UTF_8));
        assertTrue(encoded.contains("\n"));
        ImportKeyPairRequest r = QueryReader.read(ImportKeyPairRequest.builder(), params(
                "KeyName", "k", "PublicKeyMaterial", encoded));
        assertEquals(key, r.publicKeyMaterial().asUtf8String());
    }

    @Test
    public void protocolParametersAreNotOperationParameters() {
        DescribeInstancesRequest r = QueryReader.read(DescribeInstancesRequest.builder(), params(
                "AWSAccessKeyId", "AK", "Signature", "s", "SignatureMethod", "HmacSHA256", "SignatureVersion", "2",
                "Timestamp", "2026-11-25T10:00:00Z", "X-Amz-Algorithm", "AWS4-HMAC-SHA256", "X-Amz-Date", "x"));
        assertTrue(!r.hasInstanceIds());
    }

    @Test
    public void unknownParameterIsNamed() {
        Ec2Exception e = refused(RunInstancesRequest.builder(), params("ImageId", "ami-1", "MinCount", "1",
                "MaxCount", "1", "ImageIdentifier", "ami-2"));
        assertEquals(Ec2Error.UNKNOWN_PARAMETER, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("ImageIdentifier"));
    }

    @Test
    public void unknownMemberOfAStructureIsNamed() {
        Ec2Exception e = refused(RunInstancesRequest.builder(), params("Placement.Zone", "skyport-1a"));
        assertEquals(Ec2Error.UNKNOWN_PARAMETER, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("Placement.Zone"));
    }

    @Test
    public void listWithAGapLeavesTheRestUnknown() {
        Ec2Exception e = refused(DescribeInstancesRequest.builder(), params("InstanceId.1", "i-1", "InstanceId.3",
                "i-3"));
        assertEquals(Ec2Error.UNKNOWN_PARAMETER, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("InstanceId.3"));
    }

    @Test
    public void nonNumericCountIsInvalidParameterValueNamingIt() {
        Ec2Exception e = refused(RunInstancesRequest.builder(), params("ImageId", "ami-1", "MinCount", "abc",
                "MaxCount", "1"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("MinCount"));
        assertTrue(e.getMessage(), e.getMessage().contains("abc"));
    }

    @Test
    public void nonBooleanDryRunIsInvalidParameterValue() {
        Ec2Exception e = refused(DescribeInstancesRequest.builder(), params("DryRun", "maybe"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("DryRun"));
        DescribeInstancesRequest ok = QueryReader.read(DescribeInstancesRequest.builder(), params("DryRun", "false"));
        assertEquals(Boolean.FALSE, ok.dryRun());
    }

    @Test
    public void badBase64IsInvalidParameterValue() {
        Ec2Exception e = refused(ImportKeyPairRequest.builder(), params("KeyName", "k", "PublicKeyMaterial",
                "not base64!"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, e.error());
        assertTrue(e.getMessage(), e.getMessage().contains("PublicKeyMaterial"));
    }
}
