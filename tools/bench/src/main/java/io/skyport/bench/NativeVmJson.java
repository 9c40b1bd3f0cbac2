package io.skyport.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reading a native {@code listVirtualMachines} JSON answer the way the HTTP-hop translators do:
 * the whole document parsed into a Gson tree, then fields read by name.
 */
final class NativeVmJson {
    /** CloudStack writes {@code 2026-11-25T04:47:34+0000}. */
    private static final DateTimeFormatter NATIVE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private NativeVmJson() {
    }

    /** The {@code listvirtualmachinesresponse} object; an error answer is refused. */
    static JsonObject response(String listVirtualMachinesJson) {
        JsonObject root = JsonParser.parseString(listVirtualMachinesJson).getAsJsonObject();
        JsonObject response = root.getAsJsonObject("listvirtualmachinesresponse");
        if (response == null) {
            String s = listVirtualMachinesJson;
            throw new IllegalArgumentException("not a listVirtualMachines answer: "
                    + (s.length() > 200 ? s.substring(0, 200) + "…" : s));
        }
        return response;
    }

    /** The VMs of an answer (none when the account has none: the array is then left out). */
    static JsonArray virtualMachines(JsonObject response) {
        return response.has("virtualmachine") ? response.getAsJsonArray("virtualmachine") : new JsonArray();
    }

    /** A field as text, "" when absent or null. */
    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    /** The address of the VM's default NIC, not of its first one. */
    static String defaultIp(JsonObject vm) {
        if (vm.has("nic")) {
            for (JsonElement n : vm.getAsJsonArray("nic")) {
                JsonObject nic = n.getAsJsonObject();
                if (nic.has("isdefault") && nic.get("isdefault").getAsBoolean()) {
                    return text(nic, "ipaddress");
                }
            }
        }
        return text(vm, "ipaddress");
    }

    /** A native timestamp in UTC in the given format; unchanged when it cannot be read. */
    static String utc(String created, DateTimeFormatter format) {
        if (created.isEmpty()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(created, NATIVE_TIME).withOffsetSameInstant(ZoneOffset.UTC).format(format);
        } catch (DateTimeParseException e) {
            return created;
        }
    }
}
