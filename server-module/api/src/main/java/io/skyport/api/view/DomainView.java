package io.skyport.api.view;

import io.skyport.core.identity.Domain;

/** CloudStack's domain response. */
@SuppressWarnings("unused")
public final class DomainView extends ResourceCountersView {
    private final String id;
    private final String name;
    private final int level;
    private final String parentdomainid;
    private final String parentdomainname;
    private final String path;
    private final boolean haschild;
    private final boolean hasannotations = false;
    private final String state;

    public DomainView(Domain d, Domain parent, boolean hasChild, Usage usage) {
        super(true, usage);
        id = d.uuid();
        name = d.name();
        level = d.level();
        parentdomainid = parent == null ? null : parent.uuid();
        parentdomainname = parent == null ? null : parent.name();
        path = d.path();
        haschild = hasChild;
        state = d.state();
    }
}
