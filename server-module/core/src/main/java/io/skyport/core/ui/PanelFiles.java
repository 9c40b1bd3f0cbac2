package io.skyport.core.ui;

import io.skyport.plugin.ApiEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Serves a module's UI panel (a page and its script) from the module jar at {@code /ui/<id>/};
 * only the files named are served. The page signs in through the native API's login.
 */
public class PanelFiles implements ApiEndpoint {
    private final String prefix;
    private final String resourceDir;
    private final Set<String> files;
    private final ClassLoader loader;

    /**
     * @param id    the panel id: served at {@code /ui/<id>/}, read from {@code META-INF/skyport/ui/<id>/}
     * @param owner a class of the module, whose class loader holds the files
     */
    public PanelFiles(String id, Class<?> owner, String... files) {
        this.prefix = "/ui/" + id;
        this.resourceDir = "META-INF/skyport/ui/" + id + "/";
        this.files = Set.of(files);
        this.loader = owner.getClassLoader();
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(prefix);
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getRequestURI().substring(prefix.length());
        if (rest.isEmpty()) {
            resp.setStatus(302);
            resp.setHeader("Location", prefix + "/");
            return;
        }
        String file = rest.equals("/") ? "index.html" : rest.substring(1);
        if (!files.contains(file) || !"GET".equals(req.getMethod())) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = loader.getResourceAsStream(resourceDir + file)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType(contentType(file));
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        return file.endsWith(".css") ? "text/css;charset=UTF-8" : "text/html;charset=UTF-8";
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404);
    }
}
