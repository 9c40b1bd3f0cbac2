package io.skyport.ec2.service;

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
 * ModifyInstanceMetadataOptions): whether IMDS needs a session token ({@code HttpTokens}).
 * An instance for which nothing was given follows the global setting
 * {@code ec2.metadata.http.tokens}, as the account-level default does on EC2.
 */
@Component
public class InstanceMetadataOptions {
    public static final String OPTIONAL = "optional";
    public static final String REQUIRED = "required";
    /** Instances per query of {@link #httpTokens(Collection)}: bind parameters per statement stay few. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final SettingService settings;

    public InstanceMetadataOptions(JdbcTemplate jdbc, SettingService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
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

    /** The HttpTokens IMDS applies to the instance: its own, else the global setting. */
    public String httpTokens(String vmUuid) {
        List<String> own = jdbc.queryForList("SELECT http_tokens FROM ec2_instance_metadata_options WHERE vm_uuid = ?",
                String.class, vmUuid);
        if (!own.isEmpty()) {
            return own.get(0);
        }
        return REQUIRED.equalsIgnoreCase(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)) ? REQUIRED : OPTIONAL;
    }

    /**
     * The HttpTokens IMDS applies to each of the instances, read in one query (for listings): their
     * own where set, else the global setting.
     */
    public Map<String, String> httpTokens(Collection<String> vmUuids) {
        String global = REQUIRED.equalsIgnoreCase(settings.get(Ec2Settings.METADATA_HTTP_TOKENS)) ? REQUIRED : OPTIONAL;
        Map<String, String> out = new HashMap<>();
        List<String> uuids = List.copyOf(vmUuids);
        for (int from = 0; from < uuids.size(); from += CHUNK) {
            List<String> chunk = uuids.subList(from, Math.min(uuids.size(), from + CHUNK));
            jdbc.query("SELECT vm_uuid, http_tokens FROM ec2_instance_metadata_options WHERE vm_uuid IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    }, chunk.toArray());
        }
        uuids.forEach(u -> out.putIfAbsent(u, global));
        return out;
    }

    /** Sets the instance's own HttpTokens (checked already), which wins over the global setting from now on. */
    public void setHttpTokens(String vmUuid, String httpTokens) {
        int updated = jdbc.update("UPDATE ec2_instance_metadata_options SET http_tokens = ? WHERE vm_uuid = ?",
                httpTokens, vmUuid);
        if (updated == 0) {
            jdbc.update("INSERT INTO ec2_instance_metadata_options (vm_uuid, http_tokens) VALUES (?, ?)", vmUuid,
                    httpTokens);
        }
    }
}
