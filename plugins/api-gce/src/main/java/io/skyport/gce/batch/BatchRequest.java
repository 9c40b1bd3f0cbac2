package io.skyport.gce.batch;

import io.skyport.gce.GceDispatcher;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's batch protocol: a {@code multipart/mixed} body whose parts are {@code application/http}
 * requests, answered by a {@code multipart/mixed} body of {@code application/http} responses in
 * the same order, each with {@code Content-ID: <response-ID>} for the part's {@code <ID>}.
 */
public final class BatchRequest {
    /** Google's limit on calls per batch. */
    public static final int MAX_PARTS = 1000;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private BatchRequest() {
    }

    /** One inner request. */
    public record Part(String contentId, String verb, String path, String query, String body) {
    }

    public record Reply(String contentType, String body) {
    }

    public static Reply run(String contentType, byte[] body, Function<Part, GceDispatcher.Reply> dispatch) {
        List<Part> parts = parse(contentType, new String(body, StandardCharsets.UTF_8));
        String boundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            GceDispatcher.Reply r = dispatch.apply(p);
            out.append("--").append(boundary).append("\r\n");
            out.append("Content-Type: application/http\r\n");
            if (p.contentId() != null) {
                out.append("Content-ID: <response-").append(p.contentId()).append(">\r\n");
            }
            out.append("\r\n");
            out.append("HTTP/1.1 ").append(r.status()).append(' ').append(reasonPhrase(r.status())).append("\r\n");
            out.append("Content-Type: application/json; charset=UTF-8\r\n");
            out.append("Content-Length: ").append(r.json().getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n");
            out.append(r.json()).append("\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
        return new Reply("multipart/mixed; boundary=" + boundary, out.toString());
    }

    static List<Part> parse(String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            throw new GceException(GceError.INVALID, "A batch request must be multipart/mixed");
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new GceException(GceError.INVALID, "The multipart/mixed content type names no boundary");
        }
        String delimiter = "--" + m.group(1);
        List<Part> parts = new ArrayList<>();
        String[] chunks = body.split(Pattern.quote(delimiter), -1);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break;
            }
            parts.add(part(chunk));
            if (parts.size() > MAX_PARTS) {
                throw new GceException(GceError.INVALID, "A batch may hold at most " + MAX_PARTS + " calls");
            }
        }
        if (parts.isEmpty()) {
            throw new GceException(GceError.INVALID, "The batch request holds no calls");
        }
        return parts;
    }

    /** One part: MIME headers, a blank line, then an HTTP request (line, headers, blank line, body). */
    private static Part part(String chunk) {
        String text = chunk.replaceFirst("^\r?\n", "");
        String[] mime = splitHead(text);
        String contentId = null;
        for (String line : mime[0].split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-ID")) {
                contentId = line.substring(colon + 1).trim().replaceAll("^<|>$", "");
            }
        }
        String[] http = splitHead(mime[1]);
        String[] requestLine = http[0].split("\r?\n", 2)[0].trim().split(" ");
        if (requestLine.length < 2) {
            throw new GceException(GceError.INVALID, "A batch part holds no HTTP request line");
        }
        String target = requestLine[1];
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        String body = http[1].replaceFirst("\r?\n$", "");
        return new Part(contentId, requestLine[0].toUpperCase(Locale.ROOT), path, query, body);
    }

    private static String[] splitHead(String text) {
        Matcher blank = Pattern.compile("\r?\n\r?\n").matcher(text);
        if (!blank.find()) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, blank.start()), text.substring(blank.end())};
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }
}
