package io.skyport.gce.method.image;

import com.google.cloud.compute.v1.GetFromFamilyImageRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceException;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.images.getFromFamily", api = "gce", description = "Returns the image of a family.")
public class ImagesGetFromFamily extends GceOperation<GetFromFamilyImageRequest> {
    private final Catalog catalog;

    public ImagesGetFromFamily(Catalog catalog) {
        super(GetFromFamilyImageRequest.getDefaultInstance());
        this.catalog = catalog;
    }

    @Override
    protected Message run(GetFromFamilyImageRequest r, GceCall call) {
        return (call.publicImageProject() ? java.util.Optional.<io.skyport.core.catalog.Template>empty()
                : catalog.image(call, "family/" + r.getFamily())).map(t -> catalog.image(call, t))
                .orElseThrow(() -> GceException.notFound("projects/" + call.project() + "/global/images/family/"
                        + r.getFamily()));
    }
}
