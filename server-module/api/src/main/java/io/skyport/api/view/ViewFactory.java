package io.skyport.api.view;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.User;
import io.skyport.core.job.AsyncJob;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.util.List;

/** Builds response views from model rows, looking up the owners they name. */
public class ViewFactory {
    private final IdentityService identity;

    public ViewFactory(IdentityService identity) {
        this.identity = identity;
    }

    public Domain domain(long id) {
        return identity.domains().findById(id)
                .orElseThrow(() -> new ApiException(ApiError.INTERNAL, "domain " + id + " is missing"));
    }

    public Account account(long id) {
        return identity.accounts().findById(id)
                .orElseThrow(() -> new ApiException(ApiError.INTERNAL, "account " + id + " is missing"));
    }

    public UserView user(User u) {
        Account a = account(u.accountId());
        return new UserView(u, a, domain(a.domainId()));
    }

    public AccountView account(Account a) {
        Domain d = domain(a.domainId());
        List<UserView> users = identity.users().listByAccount(a.id()).stream().map(u -> new UserView(u, a, d)).toList();
        return new AccountView(a, d, users, ResourceCountersView.Usage.NONE);
    }

    public DomainView domain(Domain d) {
        Domain parent = d.parentId() == null ? null : domain(d.parentId());
        return new DomainView(d, parent, identity.domains().hasChildren(d.id()), ResourceCountersView.Usage.NONE);
    }

    public AsyncJobView job(AsyncJob j) {
        Account a = account(j.accountId());
        String userUuid = identity.users().findById(j.userId()).map(User::uuid).orElse(null);
        return new AsyncJobView(j, a, domain(a.domainId()), userUuid);
    }
}
