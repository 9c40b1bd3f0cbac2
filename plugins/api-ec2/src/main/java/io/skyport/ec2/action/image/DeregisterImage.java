package io.skyport.ec2.action.image;

import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;

/** Removes one of the caller's own templates; one that instances still use stays, as the core requires. */
@ApiCommand(name = "DeregisterImage", api = "ec2", description = "Deregisters one of the caller's images.")
public class DeregisterImage extends Ec2Action<DeregisterImageRequest> {
    private final CatalogService catalog;
    private final TemplateDao templates;
    private final Ec2Ids ids;

    public DeregisterImage(CatalogService catalog, TemplateDao templates, Ec2Ids ids) {
        super(DeregisterImageRequest::builder);
        this.catalog = catalog;
        this.templates = templates;
        this.ids = ids;
    }

    @Override
    protected SdkPojo run(DeregisterImageRequest request, CallContext ctx) {
        String uuid = ids.resolve(Kind.IMAGE, request.imageId(), ctx, "ImageId");
        Template t = templates.findByUuid(uuid).filter(x -> x.isPublic() || x.accountId() == ctx.accountId())
                .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_AMI_ID_NOT_FOUND,
                        Ec2Ids.notFoundMessage(Kind.IMAGE, request.imageId())));
        if (t.accountId() != ctx.accountId()) {
            throw new Ec2Exception(Ec2Error.UNAUTHORIZED_OPERATION, "You are not authorized to deregister image "
                    + request.imageId());
        }
        try {
            catalog.deleteTemplate(ctx, t.id());
        } catch (ApiException e) {
            if (e.error() == ApiError.INVALID_STATE) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_VALUE, "The image " + request.imageId()
                        + " is used by instances: " + e.getMessage());
            }
            throw e;
        }
        return DeregisterImageResponse.builder().returnValue(true).build();
    }
}
