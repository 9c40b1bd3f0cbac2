package io.skyport.app.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.skyport.container.docker.DockerClients;
import io.skyport.container.docker.DockerEndpoint;
import io.skyport.plugin.HypervisorDriver.HostRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Docker engine as tests see it, beside Skyport: a client of its own to check what
 * the driver did, and the small busybox image the tests run (built from the busybox-static
 * binary, since nothing may be pulled from a registry).
 */
final class DockerEngine implements AutoCloseable {
    static final String SOCKET = "/var/run/docker.sock";
    static final String URL = "unix://" + SOCKET;
    static final String IMAGE = "skyport-busybox:it";
    private static final String BUSYBOX = "/bin/busybox";

    private final DockerClients clients = new DockerClients();
    final DockerClient docker;
    private final String url;
    private final String certPath;

    DockerEngine() {
        this(URL, null);
    }

    /** Another engine than the local one: its address, and for a TLS engine the client certificate directory. */
    DockerEngine(String url, String certPath) {
        this.url = url;
        this.certPath = certPath;
        String withCerts = certPath == null ? url : url + "?tlscertpath=" + certPath;
        this.docker = clients.client(DockerEndpoint.of(new HostRef(0, "it", "it", withCerts, Map.of())));
    }

    /** Why the engine cannot be used, or empty when it answers. */
    static Optional<String> unavailable() {
        if (!Files.exists(Path.of(SOCKET))) {
            return Optional.of("no Docker engine socket at " + SOCKET);
        }
        try (DockerEngine engine = new DockerEngine()) {
            engine.docker.pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the Docker engine at " + SOCKET + " does not answer: " + e.getMessage());
        }
    }

    /** Imports the busybox image unless the engine has it: a root fs of busybox and its applet links, CMD /bin/sh. */
    void ensureImage() throws IOException, InterruptedException {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return;
        } catch (NotFoundException missing) {
            // built below
        }
        Path root = busyboxRoot();
        try {
            String tls = certPath == null ? "" : " --tlsverify --tlscacert '" + certPath + "/ca.pem' --tlscert '" + certPath
                    + "/cert.pem' --tlskey '" + certPath + "/key.pem'";
            run("sh", "-c", "tar -C '" + root + "' -c . | docker -H '" + url + "'" + tls
                    + " import --change 'CMD [\"/bin/sh\"]' - " + IMAGE);
        } finally {
            TestServer.deleteTree(root);
        }
    }

    /**
     * A gzipped root file system tarball of busybox as a system container image would ship it:
     * an inittab that prints {@code BOOT_LINE} at boot and then keeps a process running.
     */
    static byte[] rootfsTarball() throws IOException, InterruptedException {
        return rootfsTarball("::sysinit:/bin/echo " + BOOT_LINE + "\n", Map.of());
    }

    /**
     * The busybox root file system with a guest init: {@code guestInit} (tools/image/guest-init)
     * installed as /sbin/skyport-init and run by init at boot, which then keeps a process running,
     * so the instance runs its startup script or user data from the metadata service as it boots.
     */
    static byte[] guestInitTarball(Path guestInit) throws IOException, InterruptedException {
        return rootfsTarball("::sysinit:/sbin/skyport-init\n",
                Map.of("sbin/skyport-init", Files.readString(guestInit)));
    }

    /** A gzipped busybox root file system whose inittab runs {@code sysinit} then stays up, with extra executables. */
    private static byte[] rootfsTarball(String sysinit, Map<String, String> executables)
            throws IOException, InterruptedException {
        Path root = busyboxRoot();
        Path tarball = Files.createTempFile("skyport-rootfs", ".tar.gz");
        try {
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/inittab"), sysinit + "::respawn:/bin/sleep 2147483647\n");
            for (Map.Entry<String, String> e : executables.entrySet()) {
                Path file = root.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            run("tar", "-C", root.toString(), "-czf", tarball.toString(), ".");
            return Files.readAllBytes(tarball);
        } finally {
            TestServer.deleteTree(root);
            Files.deleteIfExists(tarball);
        }
    }

    static final String BOOT_LINE = "skyport-rootfs-booted";

    /** A directory holding busybox and its applet links, as a root file system. */
    private static Path busyboxRoot() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BUSYBOX))) {
            throw new IllegalStateException(BUSYBOX + " is missing: install the busybox-static package");
        }
        Path root = Files.createTempDirectory("skyport-busybox");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(Path.of(BUSYBOX), root.resolve("bin/busybox"));
        String applets = run(BUSYBOX, "--list-full");
        for (String applet : applets.split("\n")) {
            if (applet.isBlank() || applet.equals("bin/busybox")) {
                continue;
            }
            Path link = root.resolve(applet.trim());
            Files.createDirectories(link.getParent());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            }
        }
        return root;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    Optional<InspectContainerResponse> container(String vmUuid) {
        try {
            return Optional.of(docker.inspectContainerCmd("skyport-" + vmUuid).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    boolean hasImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    boolean running(String vmUuid) {
        return container(vmUuid).map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    /** Runs a command in the VM's container, as the engine's own exec does, and returns its output. */
    String exec(String vmUuid, String... command) throws InterruptedException {
        String id = docker.execCreateCmd("skyport-" + vmUuid).withCmd(command).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    void removeQuietly(String vmUuid) {
        try {
            docker.removeContainerCmd("skyport-" + vmUuid).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
