package io.skyport.app;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyport.core.network.MetadataCallers;
import io.skyport.core.settings.CoreSettings;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmState;
import io.skyport.plugin.MetadataCaller;
import io.skyport.plugin.MetadataEndpoint;
import io.skyport.plugin.SettingReader;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

public class MetadataRouterTest {
    private final MetadataCallers callers = mock(MetadataCallers.class);
    private final SettingReader settings = mock(SettingReader.class);
    private final MetadataEndpoint imds = mock(MetadataEndpoint.class);
    private final MetadataEndpoint gce = mock(MetadataEndpoint.class);
    private final HttpServletRequest req = mock(HttpServletRequest.class);
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private MetadataRouter router;

    @Before
    public void setUp() throws Exception {
        when(imds.pathPrefixes()).thenReturn(List.of("/latest"));
        when(gce.pathPrefixes()).thenReturn(List.of("/computeMetadata"));
        when(settings.get(CoreSettings.METADATA_ENABLED)).thenReturn(true);
        when(req.getRemoteAddr()).thenReturn("198.18.0.7");
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        router = new MetadataRouter(List.of(imds, gce), callers, settings, new SimpleMeterRegistry());
    }

    private static Vm vm() {
        return new Vm(31, "uuid-31", "vm31", null, 2, 1, 1, 1L, null, 1, 1, "Simulator", 1, 1000, 512,
                VmState.Running, null, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    public void aKnownCallerIsHandedToTheServiceOfThePath() throws Exception {
        when(callers.bySourceAddress("198.18.0.7")).thenReturn(Optional.of(vm()));
        when(req.getRequestURI()).thenReturn("/computeMetadata/v1/instance/id");
        router.service(req, resp);
        ArgumentCaptor<MetadataCaller> caller = ArgumentCaptor.forClass(MetadataCaller.class);
        verify(gce).handle(caller.capture(), any(), any());
        verify(imds, never()).handle(any(), any(), any());
        assertEquals(new MetadataCaller(31, "uuid-31", 2, "198.18.0.7"), caller.getValue());
    }

    @Test
    public void anUnknownSourceIsRefusedBeforeAnyServiceSeesIt() throws Exception {
        when(callers.bySourceAddress("198.18.0.7")).thenReturn(Optional.empty());
        when(req.getRequestURI()).thenReturn("/latest/meta-data/instance-id");
        router.service(req, resp);
        verify(resp).setStatus(403);
        assertEquals("Forbidden", body.toString());
        verify(imds, never()).handle(any(), any(), any());
    }

    @Test
    public void switchedOffEveryoneIsRefused() throws Exception {
        when(settings.get(CoreSettings.METADATA_ENABLED)).thenReturn(false);
        when(req.getRequestURI()).thenReturn("/latest/meta-data/instance-id");
        router.service(req, resp);
        verify(resp).setStatus(403);
        verify(callers, never()).bySourceAddress(any());
    }

    @Test
    public void aPathNoServiceClaimsIsNotFound() throws Exception {
        when(callers.bySourceAddress("198.18.0.7")).thenReturn(Optional.of(vm()));
        when(req.getRequestURI()).thenReturn("/latestx/meta-data");
        router.service(req, resp);
        verify(resp).setStatus(404);
        verify(imds, never()).handle(any(), any(), any());
    }
}
