package io.skyport.ec2.panel;

import io.skyport.plugin.ApiEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Serves the EC2 panel's page and script from the module jar, at {@code /ui/ec2/}. The page signs
 * in through the native API's login and shows {@code getEc2ClientConfig}.
 */
public class Ec2PanelEndpoint implements ApiEndpoint {
    public static final String PREFIX = "/ui/ec2";
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/index.html", "index.html",
            "/panel.js", "panel.js");

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getRequestURI().substring(PREFIX.length());
        if (rest.isEmpty()) {
            resp.setStatus(302);
            resp.setHeader("Location", PREFIX + "/");
            return;
        }
        String file = FILES.get(rest);
        if (file == null || !"GET".equals(req.getMethod())) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = Ec2PanelEndpoint.class.getResourceAsStream("/META-INF/skyport/ui/ec2/" + file)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType(file.endsWith(".js") ? "text/javascript;charset=UTF-8" : "text/html;charset=UTF-8");
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    @Override
    public void writeDisabled(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404);
    }
}
