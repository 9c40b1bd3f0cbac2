package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.skyport.app.it.NativeClient.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;

/** The native API over HTTP: signed calls, sessions, formats and every documented error. */
public class NativeApiIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @Test
    public void signedCallSucceedsAndListsTheAdmin() {
        Reply r = SERVER.admin().call("listAccounts");
        assertEquals(200, r.status());
        assertEquals("application/json;charset=utf-8", r.contentType());
        JsonObject inner = r.inner();
        assertEquals(1, inner.get("count").getAsInt());
        assertEquals("admin", inner.getAsJsonArray("account").get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    public void xmlIsTheDefaultFormat() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listAccounts");
        Reply r = SERVER.admin().signed(p);
        assertEquals(200, r.status());
        assertEquals("text/xml;charset=utf-8", r.contentType());
        assertTrue(r.body(), r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><listaccountsresponse "));
        assertTrue(r.body(), r.body().contains("<count>1</count><account><id>"));
    }

    @Test
    public void formPostIsAccepted() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listAccounts");
        p.put("response", "json");
        p.put("apiKey", SERVER.server().bootstrap().apiKey());
        p.put("signature", io.skyport.api.auth.SignatureVerifier.sign(p, SERVER.server().bootstrap().secretKey()));
        Reply r = SERVER.admin().post(p);
        assertEquals(r.body(), 200, r.status());
    }

    @Test
    public void unknownCommandIs401ErrorResponse() {
        Reply r = SERVER.admin().call("noSuchCommand");
        assertEquals(401, r.status());
        JsonObject err = r.json().getAsJsonObject("errorresponse");
        assertEquals(401, err.get("errorcode").getAsInt());
        assertEquals("unable to verify user credentials and/or request signature", err.get("errortext").getAsString());
        assertTrue(err.getAsJsonArray("uuidList").isEmpty());
    }

    @Test
    public void badSignatureUnknownKeyAndUnsignedAllLookTheSame() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listAccounts");
        p.put("response", "json");
        p.put("apiKey", SERVER.server().bootstrap().apiKey());
        p.put("signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        Reply badSig = SERVER.admin().get(p);
        Reply unknownKey = new NativeClient(SERVER.baseUrl(), "nobody", "nothing").call("listAccounts");
        Map<String, String> unsigned = new LinkedHashMap<>(Map.of("command", "listAccounts", "response", "json"));
        Reply none = SERVER.admin().get(unsigned);
        for (Reply r : new Reply[] {badSig, unknownKey, none}) {
            assertEquals(401, r.status());
            assertEquals(badSig.body(), r.body());
        }
        assertFalse(badSig.json().getAsJsonObject("listaccountsresponse").has("cserrorcode"));
    }

    @Test
    public void missingParameterIs431NamingIt() {
        Reply r = SERVER.admin().call("createAccount", "username", "x1");
        assertEquals(431, r.status());
        JsonObject err = r.inner();
        assertEquals(431, err.get("errorcode").getAsInt());
        assertEquals(9999, err.get("cserrorcode").getAsInt());
        assertTrue(err.get("errortext").getAsString().endsWith("due to missing parameter password"));
    }

    @Test
    public void invalidUuidIs431() {
        Reply r = SERVER.admin().call("listAccounts", "id", "not-a-uuid");
        assertEquals(431, r.status());
        assertTrue(r.inner().get("errortext").getAsString()
                .startsWith("Unable to execute API command listaccounts due to invalid value. Invalid parameter id "
                        + "value=not-a-uuid"));
        Reply unknown = SERVER.admin().call("listAccounts", "id", "00000000-0000-0000-0000-000000000000");
        assertEquals(431, unknown.status());
    }

    @Test
    public void expiredSignatureVersion3Is401() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listAccounts");
        p.put("response", "json");
        p.put("signatureVersion", "3");
        p.put("expires", "2001-01-01T00:00:00+0000");
        assertEquals(401, SERVER.admin().signed(p).status());
        p.put("expires", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now().plusSeconds(300)));
        assertEquals(200, SERVER.admin().signed(p).status());
    }

    /** Authentication resolves user, account and domain together; each must be live and enabled. */
    @Test
    public void keysWorkOnlyWhileTheAccountIsEnabledAndNotDeleted() {
        NativeClient admin = SERVER.admin();
        Reply created = admin.call("createAccount", "username", "itkeys", "password", "K3ys-secret", "firstname", "K",
                "lastname", "S", "email", "k@example.org");
        assertEquals(created.body(), 200, created.status());
        JsonObject account = created.inner().getAsJsonObject("account");
        String accountId = account.get("id").getAsString();
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = admin.call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        NativeClient user = new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(),
                keys.get("secretkey").getAsString());
        assertEquals(200, user.call("listAccounts").status());

        JsonObject disabled = admin.awaitJob(admin.call("disableAccount", "id", accountId, "lock", "false").inner()
                .get("jobid").getAsString());
        assertEquals(disabled.toString(), 1, disabled.get("jobstatus").getAsInt());
        assertEquals("keys of a disabled account are refused", 401, user.call("listAccounts").status());

        assertEquals(200, admin.call("enableAccount", "id", accountId).status());
        assertEquals("and accepted again once it is enabled", 200, user.call("listAccounts").status());

        JsonObject deleted = admin.awaitJob(admin.call("deleteAccount", "id", accountId).inner().get("jobid")
                .getAsString());
        assertEquals(deleted.toString(), 1, deleted.get("jobstatus").getAsInt());
        assertEquals("keys of a deleted account are refused", 401, user.call("listAccounts").status());
    }

    @Test
    public void loginGivesASessionThatWorksUntilLogout() {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("command", "login");
        login.put("response", "json");
        login.put("username", "itlogin");
        login.put("password", "Sup3r-secret");
        SERVER.admin().call("createAccount", "username", "itlogin", "password", "Sup3r-secret", "firstname", "I",
                "lastname", "T", "email", "i@example.org");
        Reply r = SERVER.admin().post(login);
        assertEquals(r.body(), 200, r.status());
        String key = r.inner().get("sessionkey").getAsString();
        Map<String, String> list = new LinkedHashMap<>(Map.of("command", "listAccounts", "response", "json",
                "sessionkey", key));
        Reply listed = SERVER.admin().get(list);
        assertEquals(200, listed.status());
        assertEquals("itlogin", listed.inner().getAsJsonArray("account").get(0).getAsJsonObject()
                .get("name").getAsString());
        SERVER.admin().get(new LinkedHashMap<>(Map.of("command", "logout", "response", "json", "sessionkey", key)));
        assertEquals(401, SERVER.admin().get(list).status());
        login.put("password", "wrong");
        assertEquals(401, SERVER.admin().post(login).status());
    }

    @Test
    public void oversizedRequestIsRejectedWith4xx() {
        String big = "x".repeat(40_000);
        Reply r = SERVER.admin().get(new LinkedHashMap<>(Map.of("command", "listAccounts", "keyword", big)));
        assertTrue("status " + r.status(), r.status() >= 400 && r.status() < 500);
    }

    @Test
    public void healthAndMetricsAreServed() {
        NativeClient.Reply before = SERVER.admin().call("listAccounts");
        assertEquals(200, before.status());
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.baseUrl()
                    + "/healthz")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.baseUrl()
                    + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("skyport_api_requests_seconds_count{api=\"native\",command=\"listAccounts\""));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
