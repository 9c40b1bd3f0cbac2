package io.skyport.gce.method.image;

import com.google.cloud.compute.v1.GetImageRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.images.get", api = "gce", description = "Returns one image.")
public class ImagesGet extends GceOperation<GetImageRequest> {
    private final Catalog catalog;

    public ImagesGet(Catalog catalog) {
        super(GetImageRequest.getDefaultInstance());
        this.catalog = catalog;
    }

    @Override
    protected Message run(GetImageRequest r, GceCall call) {
        return (call.publicImageProject() ? java.util.Optional.<io.skyport.core.catalog.Template>empty()
                : catalog.image(call, r.getImage())).map(t -> catalog.image(call, t))
                .orElseThrow(() -> catalog.imageNotFound(call, r.getImage()));
    }
}
