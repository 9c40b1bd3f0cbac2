package io.skyport.ec2.action.instance;

import io.skyport.core.vm.Vm;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;

/**
 * Sets an instance's HttpTokens (IMDSv2 required or optional), which IMDS applies from its next
 * request on, running or not: the state answered is therefore {@code applied} at once. The
 * options Skyport cannot honour are refused rather than ignored: turning the endpoint off, IPv6,
 * tags in metadata. The hop limit (1..64) is kept and shown but not enforced (see docs/metadata.md:
 * a Java server cannot set the IP TTL IMDS enforces it with).
 */
@ApiCommand(name = "ModifyInstanceMetadataOptions", api = "ec2",
        description = "Modifies the instance metadata options (HttpTokens, HttpPutResponseHopLimit) of an instance.")
public class ModifyInstanceMetadataOptions extends Ec2Action<ModifyInstanceMetadataOptionsRequest> {
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
        Integer hops = InstanceMetadataOptions.checkHopLimit("HttpPutResponseHopLimit",
                request.httpPutResponseHopLimit());
        refuseUnless("HttpEndpoint", request.httpEndpointAsString(), "enabled", "disabled");
        refuseUnless("HttpProtocolIpv6", request.httpProtocolIpv6AsString(), "disabled", "enabled");
        refuseUnless("InstanceMetadataTags", request.instanceMetadataTagsAsString(), "disabled", "enabled");
        Vm vm = instances.resolve(List.of(request.instanceId()), ctx).get(0);
        options.set(vm.uuid(), new InstanceMetadataOptions.Requested(httpTokens, hops));
        return ModifyInstanceMetadataOptionsResponse.builder().instanceId(instances.instanceId(vm))
                .instanceMetadataOptions(InstanceViews.metadataOptions(options.applied(List.of(vm.uuid()))
                        .get(vm.uuid())))
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
