package io.skyport.gce.method.firewall;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallList;
import com.google.cloud.compute.v1.ListFirewallsRequest;
import com.google.protobuf.util.JsonFormat;
import io.skyport.gce.GceCall;
import io.skyport.gce.service.Firewalls;
import io.skyport.plugin.CallContext;
import java.util.List;
import org.junit.Test;

/**
 * The last page of a list carries no {@code nextPageToken} at all: clients that page while the
 * field is present (libcloud's aggregated requests) would otherwise ask for the same page forever.
 */
public class FirewallsListTest {
    private final Firewalls firewalls = mock(Firewalls.class);
    private final FirewallsList list = new FirewallsList(firewalls);
    private final GceCall call = new GceCall(CallContext.system(), "p", "http://127.0.0.1:8080/compute/v1/");

    private FirewallList run(int maxResults, String pageToken) throws Exception {
        when(firewalls.views(any(), any())).thenReturn(List.of(fw("a"), fw("b")));
        return (FirewallList) list.run(ListFirewallsRequest.newBuilder().setProject("p").setMaxResults(maxResults)
                .setPageToken(pageToken).build(), call);
    }

    private static Firewall fw(String name) {
        return Firewall.newBuilder().setName(name).build();
    }

    @Test
    public void theLastPageHasNoNextPageToken() throws Exception {
        FirewallList all = run(0, "");
        assertEquals(2, all.getItemsCount());
        assertFalse(all.toString(), all.hasNextPageToken());
        assertFalse(JsonFormat.printer().print(all), JsonFormat.printer().print(all).contains("nextPageToken"));
    }

    @Test
    public void aPageWithMoreToComeHasOne() throws Exception {
        FirewallList first = run(1, "");
        assertEquals(1, first.getItemsCount());
        assertTrue(first.toString(), first.hasNextPageToken());
        FirewallList second = run(1, first.getNextPageToken());
        assertEquals("b", second.getItems(0).getName());
        assertFalse(second.toString(), second.hasNextPageToken());
    }
}
