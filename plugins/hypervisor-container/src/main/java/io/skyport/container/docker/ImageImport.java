package io.skyport.container.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import io.skyport.plugin.HypervisorDriver.VmSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Makes sure an engine has a VM's image. A template that is a root file system tarball (format
 * TAR) is imported on first use: the management server fetches the tarball from the template's
 * URL and streams it into the engine's image import (the engine unpacks plain, gzip, bzip2 and xz
 * tarballs), so the engine itself needs no route to where templates are kept. Imports of one image
 * run once at a time; deploys waiting for it find it present afterwards.
 */
final class ImageImport {
    private static final Logger LOG = LogManager.getLogger(ImageImport.class);
    /** What a system container's root file system starts when its image names no command. */
    static final String[] INIT = {"/sbin/init"};

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Returns the image's inspection, importing it first when the engine lacks it and the VM says from where. */
    InspectImageResponse ensure(DockerClients.Connection connection, DockerEndpoint endpoint, VmSpec vm) {
        DockerClient docker = connection.client();
        InspectImageResponse present = inspect(docker, vm.image());
        if (present != null) {
            return present;
        }
        if (vm.imageSource() == null) {
            throw new IllegalStateException("image " + vm.image() + " is not on the Docker host " + endpoint.dockerHost()
                    + "; pull or load it there first");
        }
        synchronized (locks.computeIfAbsent(endpoint.dockerHost() + "|" + vm.image(), k -> new Object())) {
            present = inspect(docker, vm.image());
            if (present == null) {
                importRootfs(connection.http(), vm.image(), vm.imageSource());
                present = inspect(docker, vm.image());
            }
        }
        if (present == null) {
            throw new IllegalStateException("the Docker host " + endpoint.dockerHost() + " imported " + vm.imageSource()
                    + " but has no image " + vm.image() + " afterwards");
        }
        return present;
    }

    /** The command a container of this image is created with: the image's own, else init. */
    static String[] command(InspectImageResponse image) {
        ContainerConfig config = image.getConfig();
        boolean hasOwn = config != null && ((config.getCmd() != null && config.getCmd().length > 0)
                || (config.getEntrypoint() != null && config.getEntrypoint().length > 0));
        return hasOwn ? null : INIT;
    }

    private static InspectImageResponse inspect(DockerClient docker, String image) {
        try {
            return docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * The engine's image import ({@code POST /images/create?fromSrc=-}) with the tarball as the
     * request body, sent on docker-java's transport: docker-java's own CreateImageCmd encodes a
     * stream body as JSON instead of sending its bytes.
     */
    private void importRootfs(DockerHttpClient engine, String image, String source) {
        URI uri;
        try {
            uri = URI.create(source.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the template URL " + source + " is not a URL: " + e.getMessage());
        }
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        String repository = tagged ? image.substring(0, colon) : image;
        String tag = tagged ? image.substring(colon + 1) : "latest";
        LOG.info("importing image {} from {}", image, source);
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("could not fetch the root file system of image " + image + " from "
                            + source + ": HTTP " + r.statusCode());
                }
                DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                        .method(DockerHttpClient.Request.Method.POST)
                        .path("/images/create?fromSrc=-&repo=" + encode(repository) + "&tag=" + encode(tag))
                        .putHeader("Content-Type", "application/x-tar")
                        .body(body)
                        .build();
                try (DockerHttpClient.Response answer = engine.execute(request)) {
                    String progress = new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (answer.getStatusCode() != 200 || progress.contains("\"error")) {
                        throw new IllegalStateException("the Docker host refused the root file system of image "
                                + image + " from " + source + ": HTTP " + answer.getStatusCode() + " " + progress.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not fetch the root file system of image " + image + " from " + source
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import of image " + image + " was interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
