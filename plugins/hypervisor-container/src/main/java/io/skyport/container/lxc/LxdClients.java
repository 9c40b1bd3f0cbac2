package io.skyport.container.lxc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One {@link LxdClient} per daemon (its socket, or its address with the certificates it is
 * reached with), kept for the server's life (each holds a connection pool).
 */
public class LxdClients implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LxdClients.class);
    private final Map<String, LxdClient> clients = new ConcurrentHashMap<>();

    public LxdClient client(LxdEndpoint endpoint) {
        String key = endpoint.remote() ? endpoint.address() + "|" + endpoint.tls() : endpoint.address();
        return clients.computeIfAbsent(key, k -> new LxdClient(endpoint));
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing an LXD client: {}", e.toString());
            }
        });
        clients.clear();
    }
}
