package io.skyport.core.vm;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.Domain;
import io.skyport.core.identity.DomainDao;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.MetadataCaller;
import io.skyport.plugin.Role;
import java.util.Optional;

/**
 * The VM a metadata request comes from, with its owner's account and the call context of that
 * owner: the EC2 and GCE metadata servers answer with what their API shows the owner of the
 * instance, so both look the caller up the same way.
 */
public record MetadataCallerVm(Vm vm, Account account, CallContext owner) {
    /** The caller's VM and owner now; empty when the VM, its account or its domain is gone. */
    public static Optional<MetadataCallerVm> of(MetadataCaller caller, VmDao vms, AccountDao accounts,
                                                DomainDao domains) {
        Optional<Vm> vm = vms.find(caller.vmId());
        Optional<Account> account = vm.flatMap(v -> accounts.findById(v.accountId()));
        Optional<Domain> domain = account.flatMap(a -> domains.findById(a.domainId()));
        if (vm.isEmpty() || account.isEmpty() || domain.isEmpty()) {
            return Optional.empty();
        }
        Account a = account.get();
        CallContext owner = new CallContext(0, "metadata", a.id(), a.uuid(), a.name(), a.domainId(),
                domain.get().path(), Role.USER, caller.address());
        return Optional.of(new MetadataCallerVm(vm.get(), a, owner));
    }
}
