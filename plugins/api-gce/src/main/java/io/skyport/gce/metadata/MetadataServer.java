package io.skyport.gce.metadata;

import io.skyport.plugin.HttpReplies;
import io.skyport.plugin.MetadataCaller;
import io.skyport.plugin.MetadataEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * GCE's metadata server under {@code /computeMetadata/v1/}. Every request must carry
 * {@code Metadata-Flavor: Google} and no {@code X-Forwarded-For} (403 otherwise, with the
 * server's error page); every answer carries {@code Metadata-Flavor: Google} and an ETag.
 * {@code ?wait_for_change=true} holds the request until the answer's ETag differs from
 * {@code last_etag} (or from the current one when none is given), or {@code timeout_sec} passes.
 */
public class MetadataServer implements MetadataEndpoint {
    private static final String PREFIX = "/computeMetadata";
    private static final String V1 = PREFIX + "/v1";
    /** How often a waiting request looks at the instance again; metadata changes are rare and cheap to read. */
    private static final long POLL_MILLIS = 250;
    /** Longest wait granted: a waiting request holds one listener thread. */
    static final int MAX_WAIT_SECONDS = 3600;

    private final MetadataInstances instances;

    public MetadataServer(MetadataInstances instances) {
        this.instances = instances;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public void handle(MetadataCaller caller, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Metadata-Flavor", "Google");
        String path = req.getRequestURI();
        if (req.getHeader("X-Forwarded-For") != null) {
            forbidden(resp, path, "Request contains an X-Forwarded-For header, which the metadata server refuses.");
            return;
        }
        if (!"Google".equals(req.getHeader("Metadata-Flavor"))) {
            forbidden(resp, path, "Missing Metadata-Flavor:Google header.");
            return;
        }
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            text(resp, 405, "text/html; charset=UTF-8", "Method Not Allowed");
            return;
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            text(resp, 200, "application/text", "v1/\n");
            return;
        }
        if (!path.equals(V1) && !path.startsWith(V1 + "/")) {
            notFound(resp, path);
            return;
        }
        MetadataQuery query;
        try {
            query = MetadataQuery.parse(req);
        } catch (IllegalArgumentException bad) {
            text(resp, 400, "text/html; charset=UTF-8", bad.getMessage());
            return;
        }
        String sub = path.substring(V1.length());
        Optional<Answer> answer = answer(caller, sub, query);
        if (answer.isEmpty()) {
            notFound(resp, path);
            return;
        }
        if (answer.get().directory() && !sub.endsWith("/") && !query.recursive()) {
            // a directory is named with its trailing slash, to which the server sends the client
            resp.setHeader("Location", path + "/" + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            text(resp, 301, "text/html; charset=UTF-8", "");
            return;
        }
        if (query.waitForChange()) {
            answer = waitForChange(caller, sub, query, answer.get());
            if (answer.isEmpty()) {
                notFound(resp, path);
                return;
            }
        }
        resp.setHeader("ETag", answer.get().etag());
        text(resp, 200, query.json() ? "application/json" : "application/text", answer.get().body());
    }

    /** An answer: its body, whether it is a directory's, and its ETag. */
    record Answer(String body, boolean directory, String etag) {
    }

    private Optional<Answer> answer(MetadataCaller caller, String sub, MetadataQuery q) {
        return instances.tree(caller).flatMap(root -> MetadataTree.find(root, sub)).map(node -> {
            String body = node.render(q.recursive(), q.json());
            return new Answer(body, node.directory(),
                    MetadataTree.etag(body));
        });
    }

    private Optional<Answer> waitForChange(MetadataCaller caller, String sub, MetadataQuery q, Answer current) {
        String from = q.lastEtag() != null ? q.lastEtag() : current.etag();
        long deadline = System.nanoTime() + q.timeoutSeconds() * 1_000_000_000L;
        Optional<Answer> now = Optional.of(current);
        while (now.isPresent() && now.get().etag().equals(from) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = answer(caller, sub, q);
        }
        return now;
    }

    private static void forbidden(HttpServletResponse resp, String path, String why) throws IOException {
        text(resp, 403, "text/html; charset=UTF-8", errorPage(403, "Forbidden", "Your client does not have "
                + "permission to get URL <code>" + escape(path) + "</code> from this server. " + why));
    }

    private static void notFound(HttpServletResponse resp, String path) throws IOException {
        text(resp, 404, "text/html; charset=UTF-8", errorPage(404, "Not Found", "The requested URL <code>"
                + escape(path) + "</code> was not found on this server."));
    }

    /** The short error page Google's front ends answer with. */
    private static String errorPage(int status, String reason, String message) {
        return "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error " + status + " (" + reason
                + ")!!1</title>\n  <p><b>" + status + ".</b> <ins>That\u2019s an error.</ins>\n  <p>" + message
                + "  <ins>That\u2019s all we know.</ins>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void text(HttpServletResponse resp, int status, String type, String body) throws IOException {
        HttpReplies.writeText(resp, status, type, body);
    }
}
