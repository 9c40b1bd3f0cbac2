package io.skyport.api.command.limit;

/** CloudStack's resourcelimit response. */
public record ResourceLimitView(String account, String domainid, String domain, String domainpath,
                                String resourcetype, String resourcetypename, long max) {
}
