package io.skyport.core.ui;

import io.skyport.plugin.ApiEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves the web UI shell (built by ui-extension into {@code META-INF/skyport/client/}) at
 * {@code /client}: {@code /client} and {@code /client/} answer index.html, the bundler's
 * {@code assets/} files are served by name. {@code /client/api} is a longer prefix, so the native
 * API keeps it.
 */
public class ClientFiles implements ApiEndpoint {
    static final String PREFIX = "/client";
    private static final String RESOURCE_DIR = "META-INF/skyport/client/";
    /** index.html, a few top-level files and the bundle's assets: no path traversal, no directory listing. */
    private static final Pattern FILE = Pattern.compile("(index\\.html|favicon\\.svg|assets/[A-Za-z0-9_.-]+)");

    private final ClassLoader loader;

    public ClientFiles(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getRequestURI().substring(PREFIX.length());
        String file = rest.isEmpty() || rest.equals("/") ? "index.html" : rest.substring(1);
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.sendError(405);
            return;
        }
        if (!FILE.matcher(file).matches() || file.contains("..")) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType(contentType(file));
            // the bundle's asset names carry a content hash; index.html must be fetched fresh
            resp.setHeader("Cache-Control", file.startsWith("assets/") ? "max-age=31536000, immutable" : "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        if (file.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return file.endsWith(".html") ? "text/html;charset=UTF-8" : "application/octet-stream";
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404);
    }
}
