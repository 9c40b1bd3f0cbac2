package io.skyport.ec2.auth;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a signature covers, as received: method, raw path, raw query string, headers (lower-case
 * names, all values), the body bytes, and the decoded parameters of query and form.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body, NavigableMap<String, String> params) {

    public String header(String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
