package io.skyport.gce;

import io.skyport.plugin.CallContext;

/**
 * One call to the GCE API: who makes it, in which project, and the base every link in the
 * answer is built on ({@code http://host:port/compute/v1/}). {@code publicImageProject} is set
 * when the project is none of this server's, which only image methods accept (clients look for
 * images in Google's public image projects by habit).
 */
public record GceCall(CallContext ctx, String project, String baseUrl, boolean publicImageProject) {

    public GceCall(CallContext ctx, String project, String baseUrl) {
        this(ctx, project, baseUrl, false);
    }

    /** {@code <base>projects/<project>/<path>}. */
    public String link(String path) {
        // the empty path is the project itself
        return baseUrl + "projects/" + project + (path.isEmpty() ? "" : "/" + path);
    }

    public String zoneLink(String zone) {
        return link("zones/" + zone);
    }

    public String zoneLink(String zone, String collection, String name) {
        return link("zones/" + zone + "/" + collection + "/" + name);
    }

    public String regionLink(String region) {
        return link("regions/" + region);
    }

    public String regionLink(String region, String collection, String name) {
        return link("regions/" + region + "/" + collection + "/" + name);
    }

    public String globalLink(String collection, String name) {
        return link("global/" + collection + "/" + name);
    }

    public long accountId() {
        return ctx.accountId();
    }
}
