package io.skyport.api.command.tag;

import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
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
                // a key given twice would silently keep one value: refuse it like CloudStack does
                if (out.containsKey(t.get("key"))) {
                    throw new ApiException(ApiError.PARAM_ERROR, "tags[].key: key " + t.get("key") + " is given "
                            + "more than once");
                }
                out.put(t.get("key"), t.get("value"));
            }
        }
        return out;
    }
}
