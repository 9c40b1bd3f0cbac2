package io.skyport.api.command;

import io.skyport.api.write.Writers;
import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudStack 4.20's capability keys, plus Skyport's switches for its EC2 and GCE APIs: unlike
 * listConfigurations this is open to every user, so a UI can tell any user which APIs are on.
 * Clients ignore keys they do not know.
 */
@ApiCommand(name = "listCapabilities", description = "Lists capabilities", entity = "capability")
public class ListCapabilities implements ApiOperation {
    private final SettingReader settings;

    public ListCapabilities(SettingReader settings) {
        this.settings = settings;
    }

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
        c.put("ec2apienabled", settings.get(CoreSettings.EC2_API_ENABLED));
        c.put("gceapienabled", settings.get(CoreSettings.GCE_API_ENABLED));
        return new EntityResponse("capability", c);
    }
}
