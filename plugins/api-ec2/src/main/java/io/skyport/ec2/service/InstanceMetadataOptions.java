package io.skyport.ec2.service;

import io.skyport.core.event.EventService;
import io.skyport.core.settings.SettingService;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.Ec2Settings;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The instance metadata options of one instance (RunInstances {@code MetadataOptions},
 * ModifyInstanceMetadataOptions): whether IMDS needs a session token ({@code HttpTokens}) and the
 * hop limit of its token answers ({@code HttpPutResponseHopLimit}). An instance for which no
 * HttpTokens was given follows the global setting {@code ec2.metadata.http.tokens}, as the
 * account-level default does on EC2. The hop limit is kept and shown, not enforced: IMDS enforces
 * it with the IP TTL of its answers, which a Java server cannot set (docs/metadata.md).
 */
@Component
public class InstanceMetadataOptions {
    public static final String OPTIONAL = "optional";
    public static final String REQUIRED = "required";
    public static final int DEFAULT_HOP_LIMIT = 1;
    public static final int MAX_HOP_LIMIT = 64;
    /** Instances per query of {@link #applied(Collection)}: bind parameters per statement stay few. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final SettingService settings;

    public InstanceMetadataOptions(JdbcTemplate jdbc, SettingService settings, EventService events) {
        this.jdbc = jdbc;
        this.settings = settings;
        events.onVmExpunged(this::forget);
    }

    /** Drops an instance's options, with its expunge. */
    void forget(String vmUuid) {
        jdbc.update("DELETE FROM ec2_instance_metadata_options WHERE vm_uuid = ?", vmUuid);
    }

    /** What a request asks to change, checked; null fields are left as they are. */
    public record Requested(String httpTokens, Integer hopLimit) {
        public boolean any() {
            return httpTokens != null || hopLimit != null;
        }
    }

    /** What IMDS applies to an instance. */
    public record Applied(String httpTokens, int hopLimit) {
    }

    /** A client's HttpTokens value, checked: null when not given, else optional or required. */
    public static String checkHttpTokens(String param, String value) {
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals(OPTIONAL) && !v.equals(REQUIRED)) {
            throw Ec2Exception.invalid(param, value, "Valid values: optional, required.");
        }
        return v;
    }

    /** A client's hop limit, checked: null when not given, else 1..64. */
    public static Integer checkHopLimit(String param, Integer hops) {
        if (hops != null && (hops < 1 || hops > MAX_HOP_LIMIT)) {
            throw Ec2Exception.invalid(param, hops, "Valid values: 1 to " + MAX_HOP_LIMIT + ".");
        }
        return hops;
    }

    /** The HttpTokens IMDS applies to the instance: its own, else the global setting. */
    public String httpTokens(String vmUuid) {
        return applied(List.of(vmUuid)).get(vmUuid).httpTokens();
    }

    /** The options IMDS applies to each of the instances, read in one query per {@value #CHUNK}. */
    public Map<String, Applied> applied(Collection<String> vmUuids) {
        String global = REQUIRED.equalsIgnoreCase(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)) ? REQUIRED : OPTIONAL;
        Map<String, Applied> out = new HashMap<>();
        List<String> uuids = List.copyOf(vmUuids);
        for (int from = 0; from < uuids.size(); from += CHUNK) {
            List<String> chunk = uuids.subList(from, Math.min(uuids.size(), from + CHUNK));
            jdbc.query("SELECT vm_uuid, http_tokens, hop_limit FROM ec2_instance_metadata_options WHERE vm_uuid IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        String tokens = rs.getString(2);
                        int hops = rs.getInt(3);
                        out.put(rs.getString(1), new Applied(tokens == null || tokens.isEmpty() ? global : tokens,
                                rs.wasNull() ? DEFAULT_HOP_LIMIT : hops));
                    }, chunk.toArray());
        }
        uuids.forEach(u -> out.putIfAbsent(u, new Applied(global, DEFAULT_HOP_LIMIT)));
        return out;
    }

    /** Sets what the request gives (checked already); what it leaves out keeps its value. */
    public void set(String vmUuid, Requested r) {
        if (!r.any()) {
            return;
        }
        int updated = jdbc.update("UPDATE ec2_instance_metadata_options SET http_tokens = COALESCE(?, http_tokens), "
                + "hop_limit = COALESCE(?, hop_limit) WHERE vm_uuid = ?", r.httpTokens(), r.hopLimit(), vmUuid);
        if (updated == 0) {
            jdbc.update("INSERT INTO ec2_instance_metadata_options (vm_uuid, http_tokens, hop_limit) VALUES (?, ?, ?)",
                    vmUuid, r.httpTokens() == null ? "" : r.httpTokens(), r.hopLimit());
        }
    }
}
