package io.skyport.ec2.action.instance;

import io.skyport.core.vm.Vm;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;

/**
 * Sets an instance's HttpTokens (IMDSv2 required or optional), which IMDS applies from its next
 * request on, running or not: the state answered is therefore {@code applied} at once. The
 * options Skyport cannot honour are refused rather than ignored: turning the endpoint off, IPv6,
 * tags in metadata. The hop limit (1..64) is checked and echoed but neither stored nor enforced
 * (see docs/metadata.md: a Java server cannot set the IP TTL IMDS enforces it with).
 */
@ApiCommand(name = "ModifyInstanceMetadataOptions", api = "ec2",
        description = "Modifies the instance metadata options (HttpTokens) of an instance.")
public class ModifyInstanceMetadataOptions extends Ec2Action<ModifyInstanceMetadataOptionsRequest> {
    private static final int DEFAULT_HOP_LIMIT = 1;
    private static final int MAX_HOP_LIMIT = 64;

    private final Ec2Instances instances;
    private final InstanceMetadataOptions options;

    public ModifyInstanceMetadataOptions(Ec2Instances instances, InstanceMetadataOptions options) {
        super(ModifyInstanceMetadataOptionsRequest::builder);
        this.instances = instances;
        this.options = options;
    }

    @Override
    protected SdkPojo run(ModifyInstanceMetadataOptionsRequest request, CallContext ctx) {
        if (request.instanceId() == null) {
            throw Ec2Exception.missing("InstanceId");
        }
        String httpTokens = InstanceMetadataOptions.checkHttpTokens("HttpTokens", request.httpTokensAsString());
        Integer hops = request.httpPutResponseHopLimit();
        if (hops != null && (hops < 1 || hops > MAX_HOP_LIMIT)) {
            throw Ec2Exception.invalid("HttpPutResponseHopLimit", hops, "Valid values: 1 to " + MAX_HOP_LIMIT + ".");
        }
        refuseUnless("HttpEndpoint", request.httpEndpointAsString(), "enabled", "disabled");
        refuseUnless("HttpProtocolIpv6", request.httpProtocolIpv6AsString(), "disabled", "enabled");
        refuseUnless("InstanceMetadataTags", request.instanceMetadataTagsAsString(), "disabled", "enabled");
        Vm vm = instances.resolve(List.of(request.instanceId()), ctx).get(0);
        if (httpTokens != null) {
            options.setHttpTokens(vm.uuid(), httpTokens);
        }
        return ModifyInstanceMetadataOptionsResponse.builder().instanceId(instances.instanceId(vm))
                .instanceMetadataOptions(InstanceMetadataOptionsResponse.builder()
                        .state(InstanceMetadataOptionsState.APPLIED)
                        .httpTokens(options.httpTokens(vm.uuid()))
                        .httpPutResponseHopLimit(hops == null ? DEFAULT_HOP_LIMIT : hops)
                        .httpEndpoint("enabled").httpProtocolIpv6("disabled").instanceMetadataTags("disabled")
                        .build())
                .build();
    }

    /** A value other than the one served is refused when it is the other valid one, and invalid otherwise. */
    private static void refuseUnless(String param, String value, String served, String other) {
        if (value == null || value.equals(served)) {
            return;
        }
        if (value.equals(other)) {
            throw new Ec2Exception(Ec2Error.UNSUPPORTED_OPERATION, param + "=" + other
                    + " is not supported by this metadata service.");
        }
        throw Ec2Exception.invalid(param, value, "Valid values: " + served + ", " + other + ".");
    }
}
