package io.skyport.api.view;

import io.skyport.api.write.Dates;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.plugin.Role;
import java.util.List;

/**
 * CloudStack's account response. {@code receivedbytes}/{@code sentbytes} come from the
 * account's network traffic statistics, which CloudStack only has once the account has been
 * listed with its networks; the response to createAccount never carries them.
 */
@SuppressWarnings("unused")
public final class AccountView extends ResourceCountersView {
    private final String id;
    private final String name;
    private final int accounttype;
    private final String apikeyaccess = "INHERIT";
    private final String created;
    private final String domain;
    private final String domainid;
    private final String domainpath;
    private final List<Object> groups = List.of();
    private final boolean isdefault;
    private final String roleid;
    private final String rolename;
    private final String roletype;
    private final String state;
    private final List<UserView> user;
    private final long vmrunning;
    private final long vmstopped;
    private final Long receivedbytes;
    private final Long sentbytes;

    public AccountView(Account a, Domain d, List<UserView> users, Usage u) {
        this(a, d, users, u, true);
    }

    /** {@code withTraffic}: include the traffic counters (Skyport meters no guest traffic: 0). */
    public AccountView(Account a, Domain d, List<UserView> users, Usage u, boolean withTraffic) {
        super(a.role() == Role.ADMIN, u);
        receivedbytes = withTraffic ? 0L : null;
        sentbytes = withTraffic ? 0L : null;
        vmrunning = u.vmsRunning();
        vmstopped = u.vms() - u.vmsRunning();
        id = a.uuid();
        name = a.name();
        accounttype = a.role().accountType();
        created = Dates.format(a.created());
        domain = d.name();
        domainid = d.uuid();
        domainpath = d.path();
        isdefault = a.isDefault();
        roleid = Roles.roleId(a.role());
        rolename = a.role().roleName();
        roletype = a.role().roleType();
        state = a.state().wire();
        user = users;
    }

}
