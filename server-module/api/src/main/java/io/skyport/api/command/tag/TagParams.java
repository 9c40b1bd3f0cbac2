package io.skyport.api.command.tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tags[n].key / tags[n].value pairs as a key → value map (value may be absent on delete). */
final class TagParams {
    private TagParams() {
    }

    static Map<String, String> of(List<Map<String, String>> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (Map<String, String> t : raw) {
                out.put(t.get("key"), t.get("value"));
            }
        }
        return out;
    }
}
