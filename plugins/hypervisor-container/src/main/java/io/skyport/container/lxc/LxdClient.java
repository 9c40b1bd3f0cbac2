package io.skyport.container.lxc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The LXD REST API over the daemon's unix socket, through Apache HttpClient's unix-domain-socket
 * routes, or over HTTPS with a client certificate ({@link LxdTls}) for a remote daemon. Requests are blocking; an async request (one that starts an operation) is waited for
 * on the operation's {@code /wait} endpoint, so callers see either its result or an
 * {@link LxdException} carrying LXD's own error text. One client per daemon, shared by job
 * threads: it holds a connection pool.
 */
public class LxdClient implements AutoCloseable {
    /** Any host name will do for a socket: the route goes to the socket, and LXD ignores the Host header. */
    private static final String SOCKET_BASE = "http://lxd";
    private static final int MAX_CONNECTIONS = 32;
    private static final Duration WAIT_ROUND = Duration.ofSeconds(60);
    /** Operation status codes of an operation not finished yet: created, started, running, cancelling, pending. */
    private static final Set<Integer> PENDING = Set.of(100, 101, 103, 104, 105);
    private final String address;
    private final String base;
    private final CloseableHttpClient http;

    /** A client of the daemon on this machine's socket. */
    public LxdClient(String socketPath) {
        this.address = socketPath;
        this.base = SOCKET_BASE;
        this.http = build(pool(null), Path.of(socketPath));
    }

    /** A client of the endpoint's daemon: its socket, or its HTTPS address with the endpoint's certificates. */
    public LxdClient(LxdEndpoint endpoint) {
        this.address = endpoint.address();
        if (endpoint.remote()) {
            this.base = endpoint.address();
            // the daemon's certificate is pinned (LxdTls), so the name in it need not match the address
            this.http = build(pool(ClientTlsStrategyBuilder.create().setSslContext(endpoint.tls().sslContext())
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic()), null);
        } else {
            this.base = SOCKET_BASE;
            this.http = build(pool(null), Path.of(endpoint.address()));
        }
    }

    private static PoolingHttpClientConnectionManagerBuilder pool(TlsSocketStrategy tls) {
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofMinutes(5)).build();
        PoolingHttpClientConnectionManagerBuilder b = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(connection);
        return tls == null ? b : b.setTlsSocketStrategy(tls);
    }

    private static CloseableHttpClient build(PoolingHttpClientConnectionManagerBuilder pool, Path socket) {
        RequestConfig.Builder request = RequestConfig.custom();
        if (socket != null) {
            request.setUnixDomainSocket(socket);
        }
        return HttpClients.custom().setConnectionManager(pool.build()).setDefaultRequestConfig(request.build())
                .disableAutomaticRetries().disableRedirectHandling().build();
    }

    /** The daemon's socket path, or its https://host:port address. */
    public String address() {
        return address;
    }

    /** A path segment (instance, alias or pool name) as it goes into a URL path. */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The metadata of a sync GET. */
    public JsonElement get(String path) {
        return call("GET", path, null, Duration.ZERO);
    }

    /**
     * Sends a request with an optional JSON body; when LXD answers with an operation, waits up to
     * {@code wait} for it and returns the operation's metadata (a sync answer's metadata otherwise).
     */
    public JsonElement call(String method, String path, JsonObject body, Duration wait) {
        ClassicRequestBuilder b = ClassicRequestBuilder.create(method).setUri(base + path);
        if (body != null) {
            b.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        }
        String request = method + " " + path;
        LxdResponse r = send(b.build(), request);
        return r.isAsync() ? await(r, request, wait) : r.metadata();
    }

    private LxdResponse send(ClassicHttpRequest req, String request) {
        try {
            return http.execute(req, res -> {
                String text = res.getEntity() == null ? "" : EntityUtils.toString(res.getEntity(),
                        StandardCharsets.UTF_8);
                LxdResponse r = LxdResponse.parse(res.getCode(), text, request);
                if (r.isError()) {
                    throw r.failure(request);
                }
                return r;
            });
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /**
     * Waits for the operation on its own endpoint, in rounds of at most {@link #WAIT_ROUND}, so no
     * single request outlives the socket timeout however long the wait. An operation that fails
     * is LXD's error for the request; one still running at the deadline is an error too (it goes
     * on in LXD, and the caller's next look at the instance sees where it got to).
     */
    private JsonElement await(LxdResponse started, String request, Duration wait) {
        String op = started.operation();
        if (op.isEmpty() && started.metadata().isJsonObject()) {
            op = "/1.0/operations/" + started.metadata().getAsJsonObject().get("id").getAsString();
        }
        long total = Math.max(1, wait.toSeconds());
        long deadline = System.nanoTime() + Duration.ofSeconds(total).toNanos();
        while (true) {
            long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toSeconds());
            JsonObject status = get(op + "/wait?timeout=" + Math.min(left, WAIT_ROUND.toSeconds())).getAsJsonObject();
            int code = status.get("status_code").getAsInt();
            if (code == 200) {
                JsonElement m = status.get("metadata");
                return m == null || m.isJsonNull() ? new JsonObject() : m;
            }
            if (!PENDING.contains(code)) {
                JsonElement err = status.get("err");
                String why = err == null || err.isJsonNull() || err.getAsString().isEmpty()
                        ? status.get("status").getAsString() : err.getAsString();
                throw new LxdException(code, "LXD failed " + request + ": " + why);
            }
            if (System.nanoTime() >= deadline) {
                throw new LxdException(504, "LXD did not finish " + request + " within " + total + " s (operation "
                        + op + " is " + status.get("status").getAsString() + ")");
            }
        }
    }

    /** A raw GET (a file, a log, the console): its bytes, or LXD's error. */
    public byte[] download(String path) {
        String request = "GET " + path;
        try {
            return http.execute(ClassicRequestBuilder.get(base + path).build(), res -> {
                byte[] bytes = res.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(res.getEntity());
                if (res.getCode() / 100 != 2) {
                    throw LxdResponse.parse(res.getCode(), new String(bytes, StandardCharsets.UTF_8), request)
                            .failure(request);
                }
                return bytes;
            });
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /**
     * A raw POST of bytes with LXD's headers (the files API). The body is sent as
     * application/octet-stream: with a form content type LXD's request parsing would read the
     * body as form fields and store an empty file.
     */
    public void upload(String path, Map<String, String> headers, byte[] content) {
        ClassicRequestBuilder b = ClassicRequestBuilder.post(base + path)
                .setEntity(new ByteArrayEntity(content, ContentType.APPLICATION_OCTET_STREAM));
        headers.forEach(b::addHeader);
        send(b.build(), "POST " + path);
    }

    /**
     * Uploads an image tarball ({@code POST /1.0/images}, the file as the body) and waits for the
     * import; returns the operation's metadata, which holds the new image's fingerprint.
     */
    public JsonElement uploadImage(Path tarball, Duration wait) {
        String request = "POST /1.0/images";
        ClassicHttpRequest req = ClassicRequestBuilder.post(base + "/1.0/images")
                .setEntity(new FileEntity(tarball.toFile(), ContentType.APPLICATION_OCTET_STREAM)).build();
        LxdResponse r = send(req, request);
        return r.isAsync() ? await(r, request, wait) : r.metadata();
    }

    private LxdException unreachable(IOException e) {
        String tls = LxdTls.describe(address, e);
        return new LxdException(tls.isEmpty() ? "cannot reach the LXD daemon at " + address + ": " + e.getMessage()
                : tls, e);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
