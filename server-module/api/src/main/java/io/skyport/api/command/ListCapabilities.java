package io.skyport.api.command;

import io.skyport.api.write.Writers;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capability keys of CloudStack 4.20, no more: stock clients and UIs read this object, and
 * whether the EC2 and GCE APIs are on is an admin setting (listConfigurations), not a capability.
 */
@ApiCommand(name = "listCapabilities", description = "Lists capabilities", entity = "capability")
public class ListCapabilities implements ApiOperation {
    @Override
    public Object execute(CallContext ctx) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cloudstackversion", Writers.COMPAT_VERSION);
        c.put("securitygroupsenabled", true);
        c.put("userpublictemplateenabled", true);
        c.put("supportELB", "false");
        c.put("projectinviterequired", false);
        c.put("allowusercreateprojects", false);
        c.put("customdiskofferingminsize", 1);
        c.put("customdiskofferingmaxsize", 1024);
        c.put("regionsecondaryenabled", false);
        c.put("kvmsnapshotenabled", false);
        c.put("allowuserviewdestroyedvm", true);
        c.put("allowuserexpungerecovervm", true);
        c.put("allowuserexpungerecovervolume", true);
        c.put("allowuserviewalldomainaccounts", false);
        c.put("allowuserforcestopvm", true);
        c.put("kubernetesserviceenabled", false);
        c.put("kubernetesclusterexperimentalfeaturesenabled", false);
        c.put("defaultuipagesize", 20);
        c.put("dynamicrolesenabled", false);
        c.put("dynamicscalingenabled", false);
        c.put("additionalconfigenabled", false);
        c.put("instancesstatsretentiontime", 720);
        c.put("instancesstatsuseronly", false);
        c.put("instancesdisksstatsretentionenabled", false);
        c.put("instancesdisksstatsretentiontime", 720);
        c.put("customhypervisordisplayname", "Custom");
        c.put("sharedfsvmmincpucount", 1);
        c.put("sharedfsvmminramsize", 512);
        return new EntityResponse("capability", c);
    }
}
