package io.skyport.ec2.metadata;

import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.plugin.HttpReplies;
import io.skyport.plugin.MetadataCaller;
import io.skyport.plugin.MetadataEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * EC2's instance metadata service (IMDS) under {@code /latest}: IMDSv1 GETs, and IMDSv2 where a
 * {@code PUT /latest/api/token} gives a session token that later GETs carry. The errors are IMDS's:
 * 400 for a token request without a valid TTL, 403 for a token request that went through a proxy
 * ({@code X-Forwarded-For}), 401 for an invalid or expired token, or for no token when tokens are
 * required, 404 for what does not exist, 405 for other methods.
 *
 * <p>Hop limit: IMDS enforces it as the IP TTL of the token response. The listener sits behind the
 * host's forwarding, which already costs the packet a hop, and Java cannot set a TCP socket's TTL,
 * so no hop limit is applied; the X-Forwarded-For refusal is what keeps proxies out.
 */
public class ImdsEndpoint implements MetadataEndpoint {
    static final String TOKEN = "X-aws-ec2-metadata-token";
    static final String TOKEN_TTL = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final String PREFIX = "/latest";
    private static final String TOKEN_PATH = "/latest/api/token";

    private final ImdsInstances instances;
    private final ImdsTokens tokens;
    private final InstanceMetadataOptions options;

    public ImdsEndpoint(ImdsInstances instances, ImdsTokens tokens, InstanceMetadataOptions options) {
        this.instances = instances;
        this.tokens = tokens;
        this.options = options;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public void handle(MetadataCaller caller, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        String method = req.getMethod();
        if (path.equals(TOKEN_PATH) || path.equals(TOKEN_PATH + "/")) {
            if (!"PUT".equals(method)) {
                error(resp, 405, "Method Not Allowed");
                return;
            }
            issueToken(caller, req, resp);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            error(resp, 405, "Method Not Allowed");
            return;
        }
        if (!authorized(caller, req)) {
            error(resp, 401, "Unauthorized");
            return;
        }
        Optional<ImdsFacts> facts = instances.of(caller);
        Optional<ImdsTree.Node> node = facts.flatMap(f -> ImdsTree.find(ImdsTree.of(f),
                path.substring(PREFIX.length())));
        if (node.isEmpty()) {
            error(resp, 404, "Not Found");
            return;
        }
        HttpReplies.write(resp, 200, node.get().contentType(), node.get().body());
    }

    private void issueToken(MetadataCaller caller, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        if (req.getHeader("X-Forwarded-For") != null) {
            error(resp, 403, "Forbidden");
            return;
        }
        OptionalLong ttl = ImdsTokens.ttl(req.getHeader(TOKEN_TTL));
        if (ttl.isEmpty()) {
            error(resp, 400, "Missing or Invalid Parameters");
            return;
        }
        resp.setHeader(TOKEN_TTL, Long.toString(ttl.getAsLong()));
        HttpReplies.write(resp, 200, "text/plain", tokens.issue(caller.vmId(), ttl.getAsLong())
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A token, when sent, must be valid; without one only when tokens are optional (IMDSv1) for the
     * calling instance: its own HttpTokens, else the global setting.
     */
    private boolean authorized(MetadataCaller caller, HttpServletRequest req) {
        String token = req.getHeader(TOKEN);
        if (token != null) {
            return tokens.valid(token, caller.vmId());
        }
        return !InstanceMetadataOptions.REQUIRED.equals(options.httpTokens(caller.vmUuid()));
    }

    /** IMDS's error page: a small XHTML document naming the status. */
    private static void error(HttpServletResponse resp, int status, String reason) throws IOException {
        String title = status + " - " + reason;
        String page = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
                + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
                + "\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
                + " <head>\n  <title>" + title + "</title>\n </head>\n"
                + " <body>\n  <h1>" + title + "</h1>\n </body>\n</html>\n";
        HttpReplies.write(resp, status, "text/html", page.getBytes(StandardCharsets.ISO_8859_1));
    }
}
