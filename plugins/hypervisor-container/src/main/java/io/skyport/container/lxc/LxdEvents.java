package io.skyport.container.lxc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.container.ContainerLayout;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * One lifecycle event stream per LXC host ({@code GET /1.0/events?type=lifecycle}, a websocket),
 * so an instance of Skyport's stopped or deleted on the daemon (by {@code lxc stop}, by its own
 * init halting, by {@code lxc delete}) is reported to the core at once instead of at the next
 * periodic pass. The stream goes over the daemon's unix socket or, for a remote daemon, over TLS
 * with the host's client certificate.
 *
 * <p>A stream that breaks (the daemon restarts or goes away) is opened again by itself, after 1 s
 * and then twice as long each failed try up to 30 s; the core's {@code watch} after a successful
 * host check cuts a pending back-off short, so the stream follows the daemon's return at once.
 * LXD keeps no event history, so what happens while no stream is open is left to the core's
 * periodic pass and to its full pass when a host answers again. A ping every 20 s keeps an idle
 * stream open and finds a dead remote connection. {@link #unwatch} (the host is deleted) and
 * {@link #close} stop a stream and its retries for good.
 */
public class LxdEvents implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LxdEvents.class);
    /** Lifecycle actions after which the instance no longer runs, or no longer exists under its name. */
    static final Set<String> ACTIONS = Set.of("instance-stopped", "instance-shutdown", "instance-deleted",
            "instance-renamed");
    static final long FIRST_RETRY_MS = 1000;
    static final long MAX_RETRY_MS = 30_000;
    private static final Duration PING = Duration.ofSeconds(20);
    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final String INSTANCES = "/1.0/instances/";

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lxd-events");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * Opens the host's stream unless it has one; events for Skyport's instances go to {@code
     * changed}. A stream waiting out its back-off is tried at once: the core calls this after the
     * host answered a check, so the daemon is back.
     */
    public void watch(HostRef host, Consumer<String> changed) {
        if (closed) {
            return;
        }
        Watch known = watches.get(host.uuid());
        if (known != null) {
            known.retryNow();
            return;
        }
        LxdEndpoint endpoint = LxdEndpoint.of(host);
        Watch w = new Watch(host.name(), endpoint, changed);
        if (watches.putIfAbsent(host.uuid(), w) == null) {
            w.open();
        }
    }

    /** Stops the host's stream for good: the host is gone. */
    public void unwatch(HostRef host) {
        Watch w = watches.remove(host.uuid());
        if (w != null) {
            w.stop();
        }
    }

    /** Whether the host's stream is open now (for tests and diagnostics). */
    public boolean watching(HostRef host) {
        Watch w = watches.get(host.uuid());
        return w != null && w.isOpen();
    }

    /** How many times the host's stream has been opened (for tests: a reconnect opens it once more). */
    public int opens(HostRef host) {
        Watch w = watches.get(host.uuid());
        return w == null ? 0 : w.opens;
    }

    /**
     * The VM a lifecycle event is about, when it is one that ends a Skyport instance's run: its
     * name is {@code skyport-<vm uuid>} (the old name, for a rename).
     */
    static Optional<String> vmOf(String message) {
        JsonObject event;
        try {
            JsonElement e = JsonParser.parseString(message);
            if (!e.isJsonObject()) {
                return Optional.empty();
            }
            event = e.getAsJsonObject();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!"lifecycle".equals(text(event, "type")) || !event.has("metadata")
                || !event.get("metadata").isJsonObject()) {
            return Optional.empty();
        }
        JsonObject meta = event.getAsJsonObject("metadata");
        String action = text(meta, "action");
        if (action == null || !ACTIONS.contains(action)) {
            return Optional.empty();
        }
        String name = null;
        if (action.equals("instance-renamed") && meta.has("context") && meta.get("context").isJsonObject()) {
            name = text(meta.getAsJsonObject("context"), "old_name");
        }
        String source = text(meta, "source");
        if (name == null && source != null && source.startsWith(INSTANCES)) {
            name = source.substring(INSTANCES.length()).replaceFirst("[?/].*$", "");
        }
        if (name == null || !name.startsWith(ContainerLayout.PREFIX)) {
            return Optional.empty();
        }
        String vm = name.substring(ContainerLayout.PREFIX.length());
        return vm.isEmpty() ? Optional.empty() : Optional.of(vm);
    }

    private static String text(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || !v.isJsonPrimitive() ? null : v.getAsString();
    }

    /** The retry delay after {@code previous}: doubled, at most {@link #MAX_RETRY_MS}. */
    static long nextRetry(long previous) {
        return Math.min(MAX_RETRY_MS, Math.max(FIRST_RETRY_MS, previous * 2));
    }

    /** One host's stream: its own websocket client (a socket or a TLS context of its own), and its retries. */
    /** Public, as Jetty calls its listener methods through method handles. */
    public final class Watch implements Session.Listener.AutoDemanding {
        private final String host;
        private final Consumer<String> changed;
        private final Path socket;
        private final URI uri;
        private final WebSocketClient client;
        private final AtomicBoolean retrying = new AtomicBoolean();
        private volatile Session session;
        private volatile boolean stopped;
        private volatile ScheduledFuture<?> pinger;
        private volatile ScheduledFuture<?> pendingRetry;
        private volatile long retryMs;
        private volatile int opens;

        Watch(String host, LxdEndpoint endpoint, Consumer<String> changed) {
            this.host = host;
            this.changed = changed;
            ClientConnector connector = new ClientConnector();
            if (endpoint.remote()) {
                SslContextFactory.Client tls = new SslContextFactory.Client();
                tls.setSslContext(endpoint.tls().sslContext());
                // the daemon's certificate is pinned by the context, whatever name it carries
                tls.setEndpointIdentificationAlgorithm(null);
                connector.setSslContextFactory(tls);
                this.socket = null;
                this.uri = URI.create(endpoint.address().replaceFirst("^https", "wss") + "/1.0/events?type=lifecycle");
            } else {
                this.socket = Path.of(endpoint.address());
                this.uri = URI.create("ws://lxd/1.0/events?type=lifecycle");
            }
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName("lxd-events-" + host);
            threads.setDaemon(true);
            HttpClient http = new HttpClient(socket == null ? new HttpClientTransportOverHTTP(connector)
                    : new OverSocket(connector, socket));
            http.setExecutor(threads);
            this.client = new WebSocketClient(http);
            client.setIdleTimeout(IDLE);
            client.setStopAtShutdown(false);
        }

        boolean isOpen() {
            Session s = session;
            return s != null && s.isOpen();
        }

        void open() {
            if (stopped) {
                return;
            }
            try {
                if (!client.isStarted()) {
                    client.start();
                }
                client.connect(this, uri).whenComplete((s, failure) -> {
                    if (failure != null) {
                        LOG.debug("LXC host {}: cannot open the event stream: {}", host, failure.toString());
                        retry();
                    }
                });
            } catch (Exception e) {
                LOG.debug("LXC host {}: cannot open the event stream: {}", host, e.toString());
                retry();
            }
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            opens++;
            retryMs = 0;
            if (stopped) {
                s.close();
                return;
            }
            pinger = timer.scheduleAtFixedRate(this::ping, PING.toMillis(), PING.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("LXC host {}: watching instance lifecycle events", host);
        }

        private void ping() {
            Session s = session;
            if (s != null && s.isOpen()) {
                s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketText(String message) {
            vmOf(message).ifPresent(vm -> {
                LOG.debug("LXC host {}: instance of VM {} changed: {}", host, vm, message);
                try {
                    changed.accept(vm);
                } catch (RuntimeException e) {
                    LOG.warn("settling VM {} after its instance's lifecycle event failed: {}", vm, e.toString());
                }
            });
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.debug("LXC host {}: event stream failed: {}", host, cause.toString());
            ended();
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            LOG.debug("LXC host {}: event stream closed ({} {})", host, status, reason);
            ended();
        }

        private void ended() {
            session = null;
            ScheduledFuture<?> p = pinger;
            if (p != null) {
                p.cancel(false);
            }
            retry();
        }

        /** Schedules one new try, unless one is pending already or the watch is stopped. */
        private void retry() {
            if (stopped || closed || !retrying.compareAndSet(false, true)) {
                return;
            }
            retryMs = nextRetry(retryMs);
            LOG.debug("LXC host {}: opening the event stream again in {} ms", host, retryMs);
            try {
                pendingRetry = timer.schedule(() -> {
                    retrying.set(false);
                    open();
                }, retryMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down
            }
        }

        /** A retry waiting out its back-off runs now (one that has started already goes on by itself). */
        void retryNow() {
            ScheduledFuture<?> pending = pendingRetry;
            if (stopped || closed || !retrying.get() || pending == null || !pending.cancel(false)) {
                return;
            }
            retryMs = 0;
            retrying.set(false);
            open();
        }

        void stop() {
            stopped = true;
            ScheduledFuture<?> p = pinger;
            if (p != null) {
                p.cancel(false);
            }
            Session s = session;
            if (s != null) {
                s.close();
            }
            try {
                client.stop();
            } catch (Exception e) {
                LOG.debug("LXC host {}: stopping the event client: {}", host, e.toString());
            }
        }
    }

    /**
     * HTTP/1.1 to the daemon's unix socket: every request's destination is the socket, whatever
     * host its URI names. (The transport must be set when the destination is chosen, before any
     * listener of the websocket upgrade request runs.)
     */
    private static final class OverSocket extends HttpClientTransportOverHTTP {
        private final Path socket;

        OverSocket(ClientConnector connector, Path socket) {
            super(connector);
            this.socket = socket;
        }

        @Override
        public Origin newOrigin(Request request) {
            request.transport(new Transport.TCPUnix(socket));
            return super.newOrigin(request);
        }
    }

    @Override
    public void close() {
        closed = true;
        watches.values().forEach(Watch::stop);
        watches.clear();
        timer.shutdownNow();
    }
}
