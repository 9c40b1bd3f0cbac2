package io.skyport.app.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix socket that relays every connection to another one (a daemon's): a test points a host at
 * the relay, and {@link #stop} is then, for the client, the daemon going away (every connection
 * cut, nothing listening) without touching the daemon other tests use; {@link #start} brings it back.
 */
final class UnixRelay implements AutoCloseable {
    private final Path listen;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    UnixRelay(Path listen, Path target) {
        this.listen = listen;
        this.target = target;
    }

    String url() {
        return "unix://" + listen;
    }

    synchronized UnixRelay start() throws IOException {
        Files.deleteIfExists(listen);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(listen));
        server = s;
        Thread accept = new Thread(() -> acceptAll(s), "unix-relay-accept");
        accept.setDaemon(true);
        accept.start();
        return this;
    }

    private void acceptAll(ServerSocketChannel s) {
        while (s.isOpen()) {
            try {
                SocketChannel client = s.accept();
                accepted.incrementAndGet();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(daemon);
                pump(client, daemon);
                pump(daemon, client);
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "unix-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    /** How many connections the relay has taken. */
    int accepted() {
        return accepted.get();
    }

    /** Cuts every relayed connection and stops listening. */
    synchronized void stop() throws IOException {
        ServerSocketChannel s = server;
        if (s != null) {
            s.close();
        }
        open.forEach(UnixRelay::closeQuietly);
        open.clear();
        Files.deleteIfExists(listen);
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
