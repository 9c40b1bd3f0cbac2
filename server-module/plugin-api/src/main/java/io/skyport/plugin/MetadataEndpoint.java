package io.skyport.plugin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A metadata service instances reach at the link-local address (EC2's IMDS, GCE's metadata
 * server), served on the management server's metadata listener, never on the API port. The
 * listener identifies the calling instance by the request's source address before it hands the
 * request over, so an endpoint only ever answers about {@code caller}; requests from an address
 * no running instance holds never reach it.
 */
public interface MetadataEndpoint {
    /** Path prefixes served, e.g. {@code /latest}, {@code /computeMetadata}. */
    List<String> pathPrefixes();

    void handle(MetadataCaller caller, HttpServletRequest req, HttpServletResponse resp) throws IOException;
}
