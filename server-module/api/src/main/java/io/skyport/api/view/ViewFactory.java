package io.skyport.api.view;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.identity.User;
import io.skyport.core.job.AsyncJob;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.vm.VmDao;
import java.util.List;
import java.util.Map;

/** Builds response views from model rows, looking up the owners they name. */
public class ViewFactory {
    private final IdentityService identity;
    private final ResourceCounter counter;
    private final VmDao vms;

    public ViewFactory(IdentityService identity, ResourceCounter counter, VmDao vms) {
        this.identity = identity;
        this.counter = counter;
        this.vms = vms;
    }

    /** The account's usage from its counters (maintained with every resource change). */
    public ResourceCountersView.Usage usage(long accountId) {
        Map<ResourceType, Long> u = counter.usage(accountId);
        long vms = u.getOrDefault(ResourceType.USER_VM, 0L);
        return new ResourceCountersView.Usage(vms, this.vms.countRunning(accountId), u.getOrDefault(ResourceType.CPU, 0L),
                u.getOrDefault(ResourceType.MEMORY, 0L), u.getOrDefault(ResourceType.PUBLIC_IP, 0L), 0,
                u.getOrDefault(ResourceType.PRIMARY_STORAGE, 0L), u.getOrDefault(ResourceType.VOLUME, 0L),
                u.getOrDefault(ResourceType.TEMPLATE, 0L), 0);
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
        return account(a, true);
    }

    /** A just-created account: no traffic statistics exist for it yet, as in CloudStack's createAccount. */
    public AccountView newAccount(Account a) {
        return account(a, false);
    }

    private AccountView account(Account a, boolean withTraffic) {
        Domain d = domain(a.domainId());
        List<UserView> users = identity.users().listByAccount(a.id()).stream()
                .map(u -> new UserView(u, a, d, true)).toList();
        return new AccountView(a, d, users, usage(a.id()), withTraffic);
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
