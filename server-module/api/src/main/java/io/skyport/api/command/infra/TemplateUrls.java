package io.skyport.api.command.infra;

import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.net.URI;
import java.net.URISyntaxException;

/** Template URLs must be absolute http(s) or ftp URLs, where an image store could fetch them. */
final class TemplateUrls {
    private TemplateUrls() {
    }

    static void check(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) || u.getHost() == null) {
                throw new ApiException(ApiError.PARAM_ERROR, "Invalid url " + url + ": use an http, https or ftp URL");
            }
        } catch (URISyntaxException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid url " + url + ": " + e.getReason());
        }
    }
}
