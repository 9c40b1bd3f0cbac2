package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One docker-java client per engine, kept for the server's life: each holds a connection pool,
 * and job threads of many VMs share it.
 */
public class DockerClients implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DockerClients.class);
    private final Map<DockerEndpoint, Connection> clients = new ConcurrentHashMap<>();

    /** A docker-java client and the HTTP transport under it, for the calls docker-java does not make right. */
    record Connection(DockerClient client, DockerHttpClient http) {
    }

    public DockerClient client(DockerEndpoint endpoint) {
        return connection(endpoint).client();
    }

    public Connection connection(DockerEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint, DockerClients::open);
    }

    /**
     * No API version is set: requests go to the unversioned paths, which the engine answers in
     * its own current API version, so an older or newer engine is spoken to in the version it has
     * rather than one pinned here (an operator's DOCKER_API_VERSION still applies). The host's URL
     * overrides DOCKER_HOST and DOCKER_TLS_VERIFY from the environment: it alone says which engine
     * this is.
     */
    static Connection open(DockerEndpoint endpoint) {
        if (endpoint.tlsCertPath() != null) {
            DockerTls.checkCertPath(endpoint.tlsCertPath());
        }
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.dockerHost())
                .withDockerTlsVerify(endpoint.tlsCertPath() != null);
        if (endpoint.tlsCertPath() != null) {
            config.withDockerCertPath(endpoint.tlsCertPath());
        }
        DockerClientConfig built = config.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        return new Connection(DockerClientImpl.getInstance(built, http), http);
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.client().close();
            } catch (IOException e) {
                LOG.debug("closing a Docker client: {}", e.toString());
            }
        });
        clients.clear();
    }
}
