package io.skyport.ec2.metadata;

import io.skyport.core.identity.Account;
import io.skyport.core.identity.AccountDao;
import io.skyport.core.identity.DomainDao;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.Nic;
import io.skyport.core.network.NicDao;
import io.skyport.core.settings.SettingService;
import io.skyport.core.vm.MetadataCallerVm;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.ec2.Ec2Settings;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.MetadataCaller;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * An instance's IMDS facts, taken from the same view DescribeInstances gives its owner (ids,
 * type, placement, addresses, groups), plus what that view does not carry: the public key
 * material of its key pairs, its MAC and its user data.
 */
public class ImdsInstances {
    private final VmDao vms;
    private final AccountDao accounts;
    private final DomainDao domains;
    private final InstanceViews views;
    private final NicDao nics;
    private final SshKeyPairDao keys;
    private final SettingService settings;

    public ImdsInstances(VmDao vms, AccountDao accounts, DomainDao domains, InstanceViews views, NicDao nics,
                         SshKeyPairDao keys, SettingService settings) {
        this.vms = vms;
        this.accounts = accounts;
        this.domains = domains;
        this.views = views;
        this.nics = nics;
        this.keys = keys;
        this.settings = settings;
    }

    public Optional<ImdsFacts> of(MetadataCaller caller) {
        Optional<MetadataCallerVm> found = MetadataCallerVm.of(caller, vms, accounts, domains);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Vm vm = found.get().vm();
        Account a = found.get().account();
        // the owner's view of its own instance, as DescribeInstances would show it
        Instance i = views.build(found.get().owner(), List.of(vm)).get(0).instance();
        Nic nic = nics.nicsOf(List.of(vm.id())).stream().filter(n -> caller.address().equals(n.ipAddress()))
                .findFirst().orElse(null);
        List<ImdsFacts.Key> keyList = new ArrayList<>();
        if (vm.keypairs() != null && !vm.keypairs().isEmpty()) {
            for (String name : vm.keypairs().split(",")) {
                keys.findByName(vm.accountId(), name).ifPresent(k -> keyList.add(new ImdsFacts.Key(k.name(),
                        k.publicKey())));
            }
        }
        List<ImdsFacts.Group> groups = new ArrayList<>();
        for (GroupIdentifier g : i.securityGroups()) {
            groups.add(new ImdsFacts.Group(g.groupId(), g.groupName()));
        }
        String privateIp = nic != null ? nic.ipAddress() : i.privateIpAddress();
        return Optional.of(new ImdsFacts(InstanceViews.ownerId(a.id()), i.instanceId(), i.imageId(),
                i.instanceTypeAsString(),
                settings.get(Ec2Settings.REGION), i.placement().availabilityZone(), privateIp, i.publicIpAddress(),
                i.privateDnsName(), nic == null ? null : nic.macAddress(), i.vpcId(), i.subnetId(), keyList, groups,
                vm.created(), userData(vm.userData())));
    }

    /** EC2 stores user data base64-encoded; IMDS serves the decoded bytes. */
    static byte[] userData(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(stored);
        } catch (IllegalArgumentException notBase64) {
            return stored.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
