package io.skyport.gce.method.image;

import com.google.cloud.compute.v1.Image;
import com.google.cloud.compute.v1.ImageList;
import com.google.cloud.compute.v1.ListImagesRequest;
import com.google.protobuf.Message;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.Catalog;
import io.skyport.gce.view.Pages;
import io.skyport.plugin.ApiCommand;
import java.util.List;

@ApiCommand(name = "compute.images.list", api = "gce", description = "Lists the images of the project: the "
        + "templates the account may launch.")
public class ImagesList extends GceOperation<ListImagesRequest> {
    private final Catalog catalog;

    public ImagesList(Catalog catalog) {
        super(ListImagesRequest.getDefaultInstance());
        this.catalog = catalog;
    }

    @Override
    protected Message run(ListImagesRequest r, GceCall call) {
        List<Image> all = call.publicImageProject() ? List.of()
                : catalog.images(call).stream().map(t -> catalog.image(call, t)).toList();
        Pages.Page<Image> page = Pages.filtered(all, r.getFilter(), r.getMaxResults(), r.getPageToken());
        return Pages.withToken(ImageList.newBuilder().setKind("compute#imageList").setId("projects/" + call.project() + "/global/images")
                .addAllItems(page.items())
                .setSelfLink(call.link("global/images")), page).build();
    }
}
