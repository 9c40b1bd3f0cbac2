package io.skyport.ec2.action.image;

import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.ImageViews;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

/** Images the caller may launch: public templates and its own account's. */
@ApiCommand(name = "DescribeImages", api = "ec2", description = "Describes the images available to the caller.")
public class DescribeImages extends Ec2Action<DescribeImagesRequest> {
    private static final Filters<Image> FILTERS = new Filters<Image>()
            .on("image-id", Image::imageId).on("name", Image::name).on("description", Image::description)
            .on("owner-id", Image::ownerId).on("state", Image::stateAsString)
            .on("is-public", Image::publicLaunchPermissions).on("architecture", Image::architectureAsString)
            .on("image-type", Image::imageTypeAsString).on("root-device-type", Image::rootDeviceTypeAsString)
            .on("virtualization-type", Image::virtualizationTypeAsString).on("hypervisor", Image::hypervisorAsString)
            .on("manifest-location", Image::imageLocation).on("platform-details", Image::platformDetails)
            .tags(Image::tags);
    private final TemplateDao templates;
    private final ImageViews views;

    public DescribeImages(TemplateDao templates, ImageViews views) {
        super(DescribeImagesRequest::builder);
        this.templates = templates;
        this.views = views;
    }

    @Override
    protected SdkPojo run(DescribeImagesRequest request, CallContext ctx) {
        Predicate<Image> matches = FILTERS.matcher(request.filters());
        Paging page = Paging.of("DescribeImages", request.maxResults(), request.nextToken(), 5, 1000);
        String self = InstanceViews.ownerId(ctx.accountId());
        List<Image> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Template t : templates.list(ctx.accountId(), false, "executable", null, null, null, null, null)) {
            Image image = views.image(t);
            if (request.hasImageIds() && !request.imageIds().contains(image.imageId())) {
                continue;
            }
            seen.add(image.imageId());
            if (request.hasOwners() && !ownedBy(request.owners(), image, self)) {
                continue;
            }
            if (matches.test(image)) {
                all.add(image);
            }
        }
        for (String id : request.hasImageIds() ? request.imageIds() : List.<String>of()) {
            if (!seen.contains(id)) {
                throw new io.skyport.ec2.Ec2Exception(io.skyport.ec2.Ec2Error.INVALID_AMI_ID_NOT_FOUND,
                        io.skyport.ec2.service.Ec2Ids.notFoundMessage(io.skyport.ec2.service.Ec2Ids.Kind.IMAGE, id));
            }
        }
        return DescribeImagesResponse.builder().images(page.page(all))
                .nextToken(page.next("DescribeImages", all.size())).build();
    }

    /** Owners: account ids, "self", and "amazon" for the images the cloud itself provides (the public ones). */
    private static boolean ownedBy(List<String> owners, Image image, String self) {
        for (String o : owners) {
            if (o.equals(image.ownerId()) || ("self".equals(o) && self.equals(image.ownerId()))
                    || (("amazon".equals(o) || "aws-marketplace".equals(o)) && Boolean.TRUE.equals(
                    image.publicLaunchPermissions()))) {
                return true;
            }
        }
        return false;
    }
}
