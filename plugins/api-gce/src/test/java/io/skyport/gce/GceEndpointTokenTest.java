package io.skyport.gce;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.gce.auth.TokenService;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/**
 * The token endpoint as Google's clients reach it (at its current path and at Google's older one),
 * and the root of the links the API answers with.
 */
public class GceEndpointTokenTest {
    private static final String GRANT = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
            + "&assertion=a.b.c";

    private final TokenService tokens = mock(TokenService.class);
    private final GceEndpoint endpoint = new GceEndpoint(mock(GceDispatcher.class), tokens,
            mock(io.skyport.core.security.AuthThrottle.class));

    @Test
    public void bothTokenPathsAreRoutedHere() {
        assertTrue(endpoint.pathPrefixes().contains("/oauth2/token"));
        assertTrue(endpoint.pathPrefixes().contains("/o/oauth2/token"));
    }

    @Test
    public void theOlderTokenPathGrantsWithItsOwnUrlAsAudience() throws IOException {
        // as libcloud's Google drivers send it, through a proxy_url standing in for Google
        when(tokens.grant("a.b.c", List.of("http://accounts.google.com/o/oauth2/token")))
                .thenReturn(new TokenService.Issued("sky.t", 3600));
        Answer a = post("/o/oauth2/token", "accounts.google.com", GRANT);
        assertEquals(a.body, 200, a.status);
        assertEquals(a.body, "sky.t", a.json().get("access_token").getAsString());
        assertEquals(a.body, "Bearer", a.json().get("token_type").getAsString());
    }

    @Test
    public void theCurrentTokenPathStillGrants() throws IOException {
        when(tokens.grant("a.b.c", List.of("http://127.0.0.1:8080/oauth2/token")))
                .thenReturn(new TokenService.Issued("sky.u", 3600));
        Answer a = post("/oauth2/token", "127.0.0.1:8080", GRANT);
        assertEquals(a.body, 200, a.status);
        assertEquals(a.body, "sky.u", a.json().get("access_token").getAsString());
    }

    @Test
    public void aRefusedGrantIsAnOauthErrorAtEitherPath() throws IOException {
        when(tokens.grant(eq("a.b.c"), anyList())).thenThrow(new TokenService.Refused("Invalid JWT Signature."));
        for (String path : List.of("/oauth2/token", "/o/oauth2/token")) {
            Answer a = post(path, "127.0.0.1:8080", GRANT);
            assertEquals(a.body, 400, a.status);
            assertEquals(a.body, "invalid_grant", a.json().get("error").getAsString());
        }
    }

    @Test
    public void aSimilarPathIsNotATokenEndpoint() throws IOException {
        Answer a = post("/o/oauth2/tokens", "127.0.0.1:8080", GRANT);
        assertEquals(a.body, 404, a.status);
        verify(tokens, never()).grant(eq("a.b.c"), anyList());
    }

    @Test
    public void linksAreGooglesForGooglesHostNamesAndAsReachedOtherwise() {
        assertEquals("https://www.googleapis.com/", GceEndpoint.rootUrl(request("www.googleapis.com")));
        assertEquals("https://compute.googleapis.com/", GceEndpoint.rootUrl(request("compute.googleapis.com")));
        assertEquals("http://127.0.0.1:8080/", GceEndpoint.rootUrl(request("127.0.0.1:8080")));
        // a port is not Google's: the server is named as it was reached
        assertEquals("http://www.googleapis.com:8080/", GceEndpoint.rootUrl(request("www.googleapis.com:8080")));
        assertEquals("http://evil.googleapis.com.example/", GceEndpoint.rootUrl(request(
                "evil.googleapis.com.example")));
    }

    private static HttpServletRequest request(String host) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getScheme()).thenReturn("http");
        when(req.getHeader("Host")).thenReturn(host);
        return req;
    }

    private record Answer(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private Answer post(String path, String host, String form) throws IOException {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getRequestURI()).thenReturn(path);
        when(req.getMethod()).thenReturn("POST");
        when(req.getScheme()).thenReturn("http");
        when(req.getHeader("Host")).thenReturn(host);
        when(req.getInputStream()).thenReturn(input(form.getBytes(StandardCharsets.UTF_8)));
        HttpServletResponse resp = mock(HttpServletResponse.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] status = {0};
        org.mockito.Mockito.doAnswer(i -> status[0] = i.getArgument(0)).when(resp).setStatus(org.mockito.ArgumentMatchers
                .anyInt());
        when(resp.getOutputStream()).thenReturn(output(out));
        endpoint.handle(req, resp);
        return new Answer(status[0], out.toString(StandardCharsets.UTF_8));
    }

    private static ServletInputStream input(byte[] data) {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static ServletOutputStream output(ByteArrayOutputStream out) {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
