package io.skyport.api.command.vm;

import io.skyport.api.NativeJobs;
import io.skyport.api.command.AccountTarget;
import io.skyport.core.identity.IdentityService;
import io.skyport.core.vm.DeployRequest;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmProvisioner;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

@ApiCommand(name = "deployVirtualMachine", async = true, entity = "virtualmachine", description = "Creates and "
        + "automatically starts a virtual machine based on a service offering, disk offering, and template.")
public class DeployVirtualMachine implements ApiOperation {
    @Param(name = "zoneid", type = ParamType.UUID, entity = "zone", required = true,
            description = "availability zone for the virtual machine")
    private Long zoneId;

    @Param(name = "serviceofferingid", type = ParamType.UUID, entity = "serviceoffering", required = true,
            description = "the ID of the service offering for the virtual machine")
    private Long serviceOfferingId;

    @Param(name = "templateid", type = ParamType.UUID, entity = "template", required = true,
            description = "the ID of the template for the virtual machine")
    private Long templateId;

    @Param(name = "name", description = "host name for the virtual machine")
    private String name;

    @Param(name = "displayname", description = "an optional user generated name for the virtual machine")
    private String displayName;

    @Param(name = "userdata", length = 1_048_576, description = "an optional binary data that can be sent to the "
            + "virtual machine upon a successful deployment. This binary data must be base64 encoded before adding it "
            + "to the request.")
    private String userData;

    @Param(name = "keypair", description = "name of the ssh key pair used to login to the virtual machine")
    private String keypair;

    @Param(name = "keypairs", type = ParamType.LIST, description = "names of the ssh key pairs used to login to the "
            + "virtual machine")
    private List<String> keypairs;

    @Param(name = "securitygroupids", type = ParamType.LIST, collectionType = ParamType.UUID, entity = "securitygroup",
            description = "comma separated list of security groups id that going to be applied to the virtual machine")
    private List<Long> securityGroupIds;

    @Param(name = "securitygroupnames", type = ParamType.LIST, description = "comma separated list of security groups "
            + "names that going to be applied to the virtual machine")
    private List<String> securityGroupNames;

    @Param(name = "networkids", type = ParamType.LIST, collectionType = ParamType.UUID, entity = "network",
            description = "list of network ids used by virtual machine (the first is used)")
    private List<Long> networkIds;

    @Param(name = "startvm", type = ParamType.BOOLEAN, description = "true if start vm after creating; defaulted to "
            + "true if not specified")
    private Boolean startVm;

    @Param(name = "hostid", type = ParamType.UUID, entity = "host", description = "destination Host ID to deploy the "
            + "VM to - parameter available for root admin only")
    private Long hostId;

    @Param(name = "account", description = "an optional account for the virtual machine. Must be used with domainId.")
    private String account;

    @Param(name = "domainid", type = ParamType.UUID, entity = "domain", description = "an optional domainId for the "
            + "virtual machine. If the account parameter is used, domainId must also be used.")
    private Long domainId;

    private final VmProvisioner provisioner;
    private final VmOperations ops;
    private final IdentityService identity;
    private final NativeJobs jobs;
    private final VmJobs vmJobs;
    private final TransactionTemplate tx;

    public DeployVirtualMachine(VmProvisioner provisioner, VmOperations ops, IdentityService identity, NativeJobs jobs,
                                VmJobs vmJobs, TransactionTemplate tx) {
        this.tx = tx;
        this.provisioner = provisioner;
        this.ops = ops;
        this.identity = identity;
        this.jobs = jobs;
        this.vmJobs = vmJobs;
    }

    @Override
    public Object execute(CallContext ctx) {
        long owner = account == null ? ctx.accountId() : AccountTarget.resolve(identity, ctx, null, account, domainId).id();
        List<String> keys = new ArrayList<>(keypairs == null ? List.of() : keypairs);
        if (keypair != null && !keys.contains(keypair)) {
            keys.add(0, keypair);
        }
        boolean start = startVm == null || startVm;
        Long host = ctx.isAdmin() ? hostId : null;
        DeployRequest request = new DeployRequest(owner, zoneId, serviceOfferingId, templateId, name, displayName,
                userData, keys, securityGroupIds, securityGroupNames,
                networkIds == null || networkIds.isEmpty() ? null : networkIds.get(0), start, host);
        // the VM and its job are committed together: a crash leaves both or neither
        return tx.execute(status -> submit(ctx, provisioner.create(ctx, request), start, host));
    }

    private Object submit(CallContext ctx, Vm vm, boolean start, Long host) {
        return jobs.submitForJob(ctx, "deployVirtualMachine", "VirtualMachine", vm.uuid(), true, jobUuid -> {
            if (!start) {
                return vmJobs.views().vmResult(vm, jobUuid);
            }
            try {
                return vmJobs.views().vmResult(ops.start(ctx, vm.id(), host), jobUuid);
            } catch (ApiException e) {
                ops.discardFailedDeploy(ctx, vm.id(), e.getMessage());
                throw e;
            }
        });
    }
}
