package io.skyport.core.ui;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ClientFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ClientFiles files;

    @Before
    public void shell() throws Exception {
        Path root = tmp.getRoot().toPath();
        Path dir = Files.createDirectories(root.resolve("META-INF/skyport/client/assets"));
        Files.writeString(dir.getParent().resolve("index.html"), "<html>shell</html>");
        Files.writeString(dir.resolve("index-abc.js"), "console.log(1)");
        Files.writeString(root.resolve("META-INF/skyport/secret.txt"), "not for the web");
        files = new ClientFiles(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
    }

    private record Answer(HttpServletResponse resp, ByteArrayOutputStream body) {
    }

    private Answer get(String path) throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getRequestURI()).thenReturn(path);
        when(req.getMethod()).thenReturn("GET");
        HttpServletResponse resp = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        });
        files.handle(req, resp);
        return new Answer(resp, body);
    }

    @Test
    public void clientAndClientSlashAnswerTheIndex() throws Exception {
        for (String path : new String[] {"/client", "/client/"}) {
            Answer a = get(path);
            verify(a.resp()).setStatus(200);
            verify(a.resp()).setContentType("text/html;charset=UTF-8");
            assertEquals("<html>shell</html>", a.body().toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    public void bundleAssetsAreServedWithTheirType() throws Exception {
        Answer a = get("/client/assets/index-abc.js");
        verify(a.resp()).setContentType("text/javascript;charset=UTF-8");
        assertEquals("console.log(1)", a.body().toString(StandardCharsets.UTF_8));
    }

    @Test
    public void nothingOutsideTheShellNorMissingIsServed() throws Exception {
        for (String path : new String[] {"/client/../secret.txt", "/client/assets/../../secret.txt",
                "/client/assets/missing.js", "/client/assets/", "/client/other.html"}) {
            Answer a = get(path);
            verify(a.resp()).sendError(404);
            verify(a.resp(), never()).setStatus(200);
        }
    }
}
