package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.skyport.container.ContainerLayout;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One event stream per Docker host, filtered on Skyport's containers (the {@code skyport.vm}
 * label) and on the actions that end a container's run, so a container killed or removed on the
 * engine is reported to the core at once. A stream ends when the daemon stops (or its idle
 * connection times out); the next {@link #watch} (after the host's next successful ping) opens
 * it again from the moment the last one ended, so events in between are not lost.
 */
public class DockerEvents implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DockerEvents.class);
    /**
     * Actions after which the container no longer runs, or no longer exists. Every end of a run is
     * a {@code die} (a kill, a stop or an out-of-memory kill is followed by one once the process
     * exits; a signal the process survives ends nothing), so the engine's kill, stop and oom
     * would only settle the same VM two or three times more, each a read of the VM, at the moment
     * the engine is busiest.
     */
    static final Set<String> ACTIONS = Set.of("die", "destroy");

    private final DockerClients clients;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    /** When each host's last stream ended, in epoch seconds: where its next stream starts. */
    private final Map<String, Long> endedAt = new ConcurrentHashMap<>();

    public DockerEvents(DockerClients clients) {
        this.clients = clients;
    }

    /** Opens the host's stream unless one is open; events for Skyport's containers go to {@code changed}. */
    public void watch(HostRef host, Consumer<String> changed) {
        String key = host.uuid();
        if (streams.containsKey(key)) {
            return;
        }
        Stream stream = new Stream(key, changed);
        if (streams.putIfAbsent(key, stream) != null) {
            return;
        }
        DockerClient docker = clients.client(DockerEndpoint.of(host));
        var cmd = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(ContainerLayout.VM_LABEL).withEventFilter(ACTIONS.toArray(String[]::new));
        Long since = endedAt.get(key);
        if (since != null) {
            cmd.withSince(Long.toString(since));
        }
        try {
            cmd.exec(stream);
            LOG.debug("watching container events of host {}", host.name());
        } catch (RuntimeException e) {
            streams.remove(key, stream);
            throw e;
        }
    }

    /** Whether a stream for the host is open (for tests and diagnostics). */
    public boolean watching(HostRef host) {
        return streams.containsKey(host.uuid());
    }

    /** The VM an event is about, when it is an action that ends a Skyport container's run. */
    static Optional<String> vmOf(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        if (action == null || !ACTIONS.contains(action.toLowerCase()) || e.getActor() == null
                || e.getActor().getAttributes() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.getActor().getAttributes().get(ContainerLayout.VM_LABEL));
    }

    private final class Stream extends EngineStream<Event> {
        private final String key;
        private final Consumer<String> changed;

        Stream(String key, Consumer<String> changed) {
            this.key = key;
            this.changed = changed;
        }

        @Override
        public void onNext(Event e) {
            vmOf(e).ifPresent(vm -> {
                LOG.debug("container of VM {}: {}", vm, e.getAction());
                try {
                    changed.accept(vm);
                } catch (RuntimeException ex) {
                    LOG.warn("settling VM {} after its container's {} failed: {}", vm, e.getAction(), ex.toString());
                }
            });
        }

        @Override
        public void onError(Throwable t) {
            LOG.debug("container event stream of host {} ended: {}", key, t.toString());
            ended();
            super.onError(t);
        }

        @Override
        public void onComplete() {
            ended();
            super.onComplete();
        }

        private void ended() {
            // a second back, so an event in the very second the stream broke is seen again rather than missed
            endedAt.put(key, System.currentTimeMillis() / 1000 - 1);
            streams.remove(key, this);
        }
    }

    @Override
    public void close() {
        for (Closeable s : streams.values()) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing an event stream: {}", e.toString());
            }
        }
        streams.clear();
    }
}
