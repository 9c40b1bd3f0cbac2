package io.skyport.core.vm;

import io.skyport.core.identity.Visibility;
import io.skyport.core.volume.VolumeHosts;
import io.skyport.plugin.CallContext;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What deleting an account takes with it, as in CloudStack: its VMs are destroyed and expunged
 * (freeing their hosts' capacity), its public IPs go back to the zone, its volumes, security
 * groups, key pairs and tags are removed. Runs in the account's delete job.
 */
@Component
public class AccountCleanup {
    private final VmDao vms;
    private final VmOperations ops;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final VolumeHosts volumeHosts;

    public AccountCleanup(VmDao vms, VmOperations ops, JdbcTemplate jdbc, TransactionTemplate tx,
                          VolumeHosts volumeHosts) {
        this.volumeHosts = volumeHosts;
        this.vms = vms;
        this.ops = ops;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void removeResourcesOf(CallContext caller, long accountId) {
        VmDao.Query all = new VmDao.Query(new Visibility("ROOT", accountId), null, null, null, null, null, null, null,
                null);
        for (List<Vm> page = vms.list(all, 0, 500); !page.isEmpty(); page = vms.list(all, 0, 500)) {
            for (Vm vm : page) {
                if (vm.state() == VmState.Destroyed || vm.state() == VmState.Error) {
                    ops.expunge(caller, vm.id());
                } else {
                    ops.destroy(caller, vm.id(), true);
                }
            }
        }
        volumeHosts.releaseStorageOf(accountId);
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE public_ips SET state = 'Free', account_id = NULL, domain_id = NULL, vm_id = NULL, "
                    + "allocated = NULL WHERE account_id = ?", accountId);
            jdbc.update("UPDATE volumes SET removed = CURRENT_TIMESTAMP, state = 'Expunged' WHERE account_id = ? "
                    + "AND removed IS NULL", accountId);
            jdbc.update("DELETE FROM security_group_rules WHERE group_id IN (SELECT id FROM security_groups "
                    + "WHERE account_id = ?) OR source_group_id IN (SELECT id FROM security_groups WHERE account_id = ?)",
                    accountId, accountId);
            jdbc.update("DELETE FROM security_groups WHERE account_id = ?", accountId);
            jdbc.update("DELETE FROM ssh_keypairs WHERE account_id = ?", accountId);
            jdbc.update("DELETE FROM resource_tags WHERE account_id = ?", accountId);
            jdbc.update("DELETE FROM resource_counts WHERE account_id = ?", accountId);
        });
    }
}
