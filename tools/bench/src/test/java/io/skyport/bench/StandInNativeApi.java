package io.skyport.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the native API in front of which an HTTP-hop proxy is tested: answers every
 * {@code /client/api} call with the same JSON and keeps the query strings it was sent.
 */
final class StandInNativeApi implements AutoCloseable {
    final List<String> queries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInNativeApi(String answer) throws IOException {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/client/api", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
