package io.skyport.api.view;

import io.skyport.api.write.Dates;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.User;

/**
 * CloudStack's user response; field names are the wire names. Users nested in an account
 * response carry no {@code apikeyaccess} (CloudStack sends it only where the user itself is
 * listed), so nested views leave it out.
 */
@SuppressWarnings("unused")
public final class UserView {
    private final String id;
    private final String username;
    private final String firstname;
    private final String lastname;
    private final String email;
    private final String created;
    private final String state;
    private final String account;
    private final String accountid;
    private final int accounttype;
    private final String domain;
    private final String domainid;
    private final String roleid;
    private final String rolename;
    private final String roletype;
    private final String timezone;
    private final String apikey;
    private final String apikeyaccess;
    private final boolean isdefault;
    private final boolean is2faenabled = false;
    private final boolean is2famandated = false;
    private final boolean iscallerchilddomain = false;
    private final String usersource = "native";

    public UserView(User u, Account a, Domain d) {
        this(u, a, d, false);
    }

    /** {@code nested}: part of an account response. */
    public UserView(User u, Account a, Domain d, boolean nested) {
        apikeyaccess = nested ? null : "INHERIT";
        id = u.uuid();
        username = u.username();
        firstname = u.firstname();
        lastname = u.lastname();
        email = u.email();
        created = Dates.format(u.created());
        state = u.state().wire();
        account = a.name();
        accountid = a.uuid();
        accounttype = a.role().accountType();
        domain = d.name();
        domainid = d.uuid();
        roleid = Roles.roleId(a.role());
        rolename = a.role().roleName();
        roletype = a.role().roleType();
        timezone = u.timezone();
        apikey = u.apiKey();
        isdefault = u.isDefault();
    }
}
