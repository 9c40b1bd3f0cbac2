package io.skyport.gce.discovery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.skyport.gce.spec.ComputeSpec;
import java.util.List;
import org.junit.Test;

/** {@link DiscoveryTypes} on compute.proto fields of every kind the file uses. */
public class DiscoveryTypesTest {

    private static FieldDescriptor field(String message, String field) {
        FieldDescriptor f = ComputeSpec.file().findMessageTypeByName(message).findFieldByName(field);
        if (f == null) {
            throw new AssertionError(message + "." + field + " is not in compute.proto");
        }
        return f;
    }

    private static void assertType(String expectedJson, String message, String field) {
        assertEquals(message + "." + field, JsonParser.parseString(expectedJson), DiscoveryTypes.fieldType(field(message, field)));
    }

    @Test
    public void scalars() {
        assertType("{\"type\":\"boolean\"}", "AccessConfig", "set_public_ptr");
        assertType("{\"type\":\"integer\",\"format\":\"int32\"}", "AcceleratorConfig", "accelerator_count");
        assertType("{\"type\":\"integer\",\"format\":\"uint32\"}", "ListInstancesRequest", "max_results");
        assertType("{\"type\":\"string\",\"format\":\"int64\"}", "AggregatedListInstancesRequest", "service_project_number");
        assertType("{\"type\":\"string\",\"format\":\"uint64\"}", "Instance", "id");
        assertType("{\"type\":\"number\",\"format\":\"double\"}", "AutoscalingPolicyCpuUtilization", "utilization_target");
        assertType("{\"type\":\"number\",\"format\":\"float\"}", "Backend", "capacity_scaler");
        assertType("{\"type\":\"string\"}", "Instance", "name");
    }

    @Test
    public void repeatedAndMaps() {
        assertType("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"int64\"}}", "Disk", "license_codes");
        assertType("{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"uint32\"}}", "RouteAsPath", "as_lists");
        assertType("{\"type\":\"array\",\"items\":{\"$ref\":\"AttachedDisk\"}}", "Instance", "disks");
        assertType("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}", "Instance", "labels");
        assertType("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"format\":\"int64\"}}",
                "AllocationResourceStatusSpecificSKUAllocation", "utilizations");
        assertType("{\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"InstancesScopedList\"}}",
                "InstanceAggregatedList", "items");
    }

    @Test
    public void repeatedQueryParametersDeclareTheElementType() {
        JsonObject element = DiscoveryTypes.elementType(field("Disk", "license_codes"));
        assertEquals("string", element.get("type").getAsString());
        assertEquals("int64", element.get("format").getAsString());
    }

    @Test
    public void anyIsAnObjectOfAnyValues() {
        JsonObject details = DiscoveryTypes.fieldType(field("Status", "details"));
        assertEquals("array", details.get("type").getAsString());
        JsonObject item = details.getAsJsonObject("items");
        assertEquals("object", item.get("type").getAsString());
        assertEquals("any", item.getAsJsonObject("additionalProperties").get("type").getAsString());
    }

    @Test
    public void enumNamedAfterTheFieldWithAnEnumSuffix() {
        List<String> protocols = DiscoveryTypes.enumValues(field("ForwardingRule", "I_p_protocol"));
        assertTrue(protocols.containsAll(List.of("TCP", "UDP", "ESP")));
        assertFalse(protocols.contains("UNDEFINED_I_P_PROTOCOL_ENUM"));
    }

    @Test
    public void onlyTheZeroPlaceholderIsDropped() {
        // FileType has both UNDEFINED_FILE_TYPE = 0 and a real UNDEFINED value
        assertEquals(List.of("BIN", "UNDEFINED", "X509"), DiscoveryTypes.enumValues(field("FileContentBuffer", "file_type")));
    }

    @Test
    public void stringsWithoutValuesDeclareNoEnum() {
        // firewall protocols are free-form (names or numbers): compute.proto gives them no enum
        assertTrue(DiscoveryTypes.enumValues(field("Allowed", "I_p_protocol")).isEmpty());
        // UpdateInstanceRequest.MinimalAction only has its placeholder: an empty enum would refuse every value
        assertNull(DiscoveryTypes.elementType(field("UpdateInstanceRequest", "minimal_action")).get("enum"));
    }
}
