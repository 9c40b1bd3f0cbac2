package io.skyport.api.view;

/** CloudStack's event response. */
@SuppressWarnings("unused")
public record EventView(String id, String type, String level, String state, String description, String account,
                        String username, String domain, String domainid, String domainpath, String resourcetype,
                        String resourceid, String created) {
}
