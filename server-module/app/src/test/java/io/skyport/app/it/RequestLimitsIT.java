package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The size limits (settings an admin changes without a restart) refuse oversized bodies, URIs
 * and headers on every API with the protocol's own error body and a 4xx, never a 500; requests
 * within the limits are served.
 */
public class RequestLimitsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static void set(String name, int value) {
        SERVER.server().coreBean(SettingService.class).update(CallContext.system(), name, String.valueOf(value),
                Setting.Scope.GLOBAL, 0);
    }

    @After
    public void defaults() {
        set("native.request.max.body.bytes", 1 << 20);
        set("ec2.request.max.body.bytes", 1 << 20);
        set("gce.request.max.body.bytes", 4 << 20);
        set("api.request.max.uri.bytes", 8192);
        set("api.request.max.header.bytes", 16384);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String filler(int n) {
        return "x".repeat(n);
    }

    private static void assertNativeError(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        JsonObject inner = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("errorresponse");
        assertEquals(status, inner.get("errorcode").getAsInt());
        assertTrue(inner.has("errortext"));
    }

    @Test
    public void nativeBodyLimitIsTheSettingOfTheNativeApi() throws Exception {
        set("native.request.max.body.bytes", 2048);
        HttpResponse<String> big = post("/client/api?response=json", "application/x-www-form-urlencoded",
                "command=listZones&pad=" + filler(4096));
        assertNativeError(big, 413);
        // within the limit the same kind of request reaches the API (and fails there on its missing signature)
        HttpResponse<String> small = post("/client/api?response=json", "application/x-www-form-urlencoded",
                "command=listZones&pad=" + filler(512));
        assertEquals(small.body(), 401, small.statusCode());
        // the limit is per API: EC2's own is still the default
        Ec2Raw.Reply ec2 = Ec2Raw.post(SERVER, null, null, "skyport-1", Ec2Raw.action("DescribeRegions", "Pad",
                filler(4096)));
        assertEquals(ec2.body(), "MissingAuthenticationToken", ec2.code());
    }

    @Test
    public void ec2OversizedBodyIsRequestEntityTooLargeInEc2Xml() throws Exception {
        set("ec2.request.max.body.bytes", 1024);
        NativeClient user = SERVER.tenant("limits-ec2");
        Ec2Raw.Reply r = Ec2Raw.post(SERVER, user.apiKey(), user.secret(), "skyport-1",
                Ec2Raw.action("DescribeRegions", "Pad", filler(4096)));
        assertEquals(r.body(), 413, r.status());
        assertEquals("RequestEntityTooLarge", r.code());
        assertTrue(r.body(), r.body().contains("<Response><Errors>") || r.body().contains("<Errors>"));
        Ec2Raw.Reply ok = Ec2Raw.post(SERVER, user.apiKey(), user.secret(), "skyport-1",
                Ec2Raw.action("DescribeRegions"));
        assertEquals(ok.body(), 200, ok.status());
    }

    @Test
    public void gceOversizedBodyIs413InGoogleErrorJson() throws Exception {
        set("gce.request.max.body.bytes", 1024);
        HttpResponse<String> r = post("/compute/v1/projects/p/zones/z/instances", "application/json",
                "{\"name\":\"" + filler(4096) + "\"}");
        assertEquals(r.body(), 413, r.statusCode());
        JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
        assertEquals(413, error.get("code").getAsInt());
        assertTrue(error.has("message"));
        assertTrue(error.getAsJsonArray("errors").size() > 0);
        // the token endpoint answers in OAuth2's format
        HttpResponse<String> token = post("/oauth2/token", "application/x-www-form-urlencoded", "assertion=" + filler(4096));
        assertEquals(token.body(), 413, token.statusCode());
        assertTrue(token.body(), JsonParser.parseString(token.body()).getAsJsonObject().has("error_description"));
    }

    @Test
    public void longUriIs414InEachProtocol() throws Exception {
        set("api.request.max.uri.bytes", 1024);
        String pad = filler(2048);
        HttpResponse<String> nat = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/client/api?command=listZones&response=json&pad=" + pad)).GET());
        assertNativeError(nat, 414);
        HttpResponse<String> ec2 = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/ec2?Action=DescribeRegions&Pad=" + pad)).GET());
        assertEquals(ec2.body(), 414, ec2.statusCode());
        assertTrue(ec2.body(), ec2.body().contains("<Code>RequestURITooLong</Code>"));
        HttpResponse<String> gce = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/compute/v1/projects/p/zones?filter=" + pad)).GET());
        assertEquals(gce.body(), 414, gce.statusCode());
        assertEquals(414, JsonParser.parseString(gce.body()).getAsJsonObject().getAsJsonObject("error").get("code")
                .getAsInt());
    }

    @Test
    public void largeHeadersAre431InEachProtocolAndNeverA500() throws Exception {
        set("api.request.max.header.bytes", 2048);
        String pad = filler(4096);
        HttpResponse<String> nat = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/client/api?command=listZones&response=json")).header("X-Pad", pad).GET());
        assertNativeError(nat, 431);
        HttpResponse<String> ec2 = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/ec2?Action=DescribeRegions")).header("X-Pad", pad).GET());
        assertEquals(ec2.body(), 431, ec2.statusCode());
        assertTrue(ec2.body(), ec2.body().contains("<Code>RequestHeaderSectionTooLarge</Code>"));
        HttpResponse<String> gce = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/compute/v1/projects/p/zones")).header("X-Pad", pad).GET());
        assertEquals(gce.body(), 431, gce.statusCode());
        assertFalse(gce.body(), gce.body().contains("Exception"));
        // beyond the listener's own ceiling (64 KiB) Jetty refuses before any API: still a 4xx
        HttpResponse<String> huge = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/client/api?command=listZones")).header("X-Pad", filler(80 * 1024)).GET());
        assertTrue("status " + huge.statusCode(), huge.statusCode() >= 400 && huge.statusCode() < 500);
    }

    @Test
    public void requestsWithinTheLimitsAreServed() {
        NativeClient.Reply r = SERVER.admin().post(Map.of("command", "listApis", "response", "json"));
        // unsigned: the API itself answers 401, proving the limits let it through
        assertEquals(r.body(), 401, r.status());
        assertEquals(200, SERVER.admin().call("listZones").status());
    }
}
