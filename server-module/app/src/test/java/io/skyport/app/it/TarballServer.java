package io.skyport.app.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a root file system tarball template lives in the tests: a loopback HTTP server that serves
 * one tarball at {@link #url()}, counts how often it was fetched, and answers 404 for any other path.
 */
final class TarballServer implements AutoCloseable {
    private static final String PATH = "/rootfs.tar.gz";
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    TarballServer(byte[] tarball) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals(PATH);
            if (known) {
                fetches.incrementAndGet();
            }
            exchange.sendResponseHeaders(known ? 200 : 404, known ? tarball.length : -1);
            if (known) {
                exchange.getResponseBody().write(tarball);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return base() + PATH;
    }

    /** A URL on the same server that answers 404. */
    String missingUrl() {
        return base() + "/missing.tar.gz";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
