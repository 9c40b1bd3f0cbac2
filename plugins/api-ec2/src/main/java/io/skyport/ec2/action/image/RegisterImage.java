package io.skyport.ec2.action.image;

import io.skyport.core.catalog.CatalogService;
import io.skyport.core.catalog.OsType;
import io.skyport.core.catalog.OsTypeDao;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.view.ImageViews;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.RegisterImageRequest;
import software.amazon.awssdk.services.ec2.model.RegisterImageResponse;

/**
 * Registers a template for the caller's account. {@code ImageLocation} is either the URL of a
 * disk image (http or https; the format follows the file extension) or a container image
 * reference such as {@code docker.io/library/alpine:3} for container hosts.
 */
@ApiCommand(name = "RegisterImage", api = "ec2", description = "Registers an image (a template).")
public class RegisterImage extends Ec2Action<RegisterImageRequest> {
    private final CatalogService catalog;
    private final OsTypeDao osTypes;
    private final ImageViews views;

    public RegisterImage(CatalogService catalog, OsTypeDao osTypes, ImageViews views) {
        super(RegisterImageRequest::builder);
        this.catalog = catalog;
        this.osTypes = osTypes;
        this.views = views;
    }

    @Override
    protected SdkPojo run(RegisterImageRequest request, CallContext ctx) {
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw Ec2Exception.missing("Name");
        }
        if (name.length() < 3 || name.length() > 128) {
            throw Ec2Exception.invalid("Name", name, "Image names have 3 to 128 characters.");
        }
        String location = request.imageLocation();
        if (location == null || location.isBlank()) {
            throw Ec2Exception.missing("ImageLocation");
        }
        boolean url = location.startsWith("http://") || location.startsWith("https://");
        if (!url && !location.matches("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}")) {
            throw Ec2Exception.invalid("ImageLocation", location, "Give an http(s) URL of a disk image or a "
                    + "container image reference.");
        }
        String format = url ? format(location) : "CONTAINER";
        Template t = catalog.registerTemplate(ctx, new TemplateDao.NewTemplate(UUID.randomUUID().toString(), name,
                request.description() == null || request.description().isBlank() ? name : request.description(),
                ctx.accountId(), null, osType(), format, "Any", url ? location : null, url ? null : location, false,
                false, false, 0));
        return RegisterImageResponse.builder().imageId(views.image(t).imageId()).build();
    }

    private static String format(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        for (String f : List.of("qcow2", "vhd", "vmdk", "raw", "ova", "iso")) {
            if (path.endsWith("." + f) || path.contains("." + f + ".")) {
                return f.toUpperCase(Locale.ROOT);
            }
        }
        return "QCOW2";
    }

    private long osType() {
        List<OsType> all = osTypes.osTypes(null, null, null);
        return all.stream().filter(o -> "Other".equalsIgnoreCase(o.category())).findFirst()
                .or(() -> all.stream().findFirst()).map(OsType::id)
                .orElseThrow(() -> new IllegalStateException("no OS types exist"));
    }
}
