package io.skyport.gce.method.disktype;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.cloud.compute.v1.DiskType;
import com.google.cloud.compute.v1.GetDiskTypeRequest;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceError;
import io.skyport.gce.GceException;
import io.skyport.gce.service.Locations;
import io.skyport.plugin.CallContext;
import org.junit.Test;

public class DiskTypesGetTest {
    private final Locations locations = mock(Locations.class);
    private final DiskTypesGet get = new DiskTypesGet(locations);
    private final GceCall call = new GceCall(CallContext.system(), "p", "http://127.0.0.1:8080/compute/v1/");

    private DiskType get(String zone, String type) {
        return (DiskType) get.run(GetDiskTypeRequest.newBuilder().setProject("p").setZone(zone).setDiskType(type)
                .build(), call);
    }

    @Test
    public void pdStandardIsTheDiskTypeOfEveryZone() {
        DiskType t = get("z1", "pd-standard");
        assertEquals("pd-standard", t.getName());
        assertEquals("http://127.0.0.1:8080/compute/v1/projects/p/zones/z1/diskTypes/pd-standard", t.getSelfLink());
        assertEquals("http://127.0.0.1:8080/compute/v1/projects/p/zones/z1", t.getZone());
        assertEquals(10, t.getDefaultDiskSizeGb());
    }

    @Test
    public void otherTypesAndUnknownZonesAreNotFound() {
        notFound(() -> get("z1", "pd-ssd"));
        when(locations.zoneOrThrow("p", "nowhere")).thenThrow(GceException.notFound("projects/p/zones/nowhere"));
        notFound(() -> get("nowhere", "pd-standard"));
    }

    private static void notFound(Runnable r) {
        try {
            r.run();
            fail("found");
        } catch (GceException e) {
            assertEquals(e.getMessage(), GceError.NOT_FOUND, e.error());
        }
    }
}
