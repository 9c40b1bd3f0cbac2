package io.skyport.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that keep the first bytes of the request line they are parsing. When Jetty
 * refuses a request line itself (a malformed percent-escape, a URI too long) it hands its error
 * handler a stand-in request without the target; these bytes still tell which API the request
 * was for, so that the answer can be in that API's error format.
 */
class RequestLineConnectionFactory extends HttpConnectionFactory {
    /** Enough for any API prefix and a {@code response=json} early in the query. */
    static final int KEPT = 512;

    RequestLineConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return configure(new RecordingConnection(getHttpConfiguration(), connector, endPoint), connector, endPoint);
    }

    /** The start of the request line being parsed on that connection, or null. */
    static String requestLine(Connection c) {
        return c instanceof RecordingConnection r ? r.line() : null;
    }

    static final class RecordingConnection extends HttpConnection {
        private static final Set<HttpParser.State> REQUEST_LINE = EnumSet.of(HttpParser.State.START,
                HttpParser.State.METHOD, HttpParser.State.SPACE1, HttpParser.State.URI);
        // set from the super constructor (newRequestHandler, newHttpParser): no initializers here
        private HttpParser.RequestHandler handler;
        private byte[] head;
        private int length;

        RecordingConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            RequestHandler h = super.newRequestHandler();
            handler = h;
            return h;
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpParser parser = new HttpParser(handler, getHttpConfiguration().getRequestHeaderSize(), compliance) {
                @Override
                public boolean parseNext(ByteBuffer buffer) {
                    record(this, buffer);
                    return super.parseNext(buffer);
                }
            };
            parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
            return parser;
        }

        private void record(HttpParser parser, ByteBuffer buffer) {
            if (head == null) {
                head = new byte[KEPT];
            }
            if (parser.isStart()) {
                length = 0;
            }
            if (!REQUEST_LINE.contains(parser.getState()) || length >= KEPT) {
                return;
            }
            int n = Math.min(buffer.remaining(), KEPT - length);
            buffer.duplicate().get(head, length, n);
            length += n;
        }

        String line() {
            if (head == null || length == 0) {
                return null;
            }
            String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
            int end = text.indexOf('\r');
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
