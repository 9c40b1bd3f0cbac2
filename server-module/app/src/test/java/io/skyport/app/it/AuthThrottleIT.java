package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.micrometer.core.instrument.Counter;
import io.skyport.core.security.AuthThrottle;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Setting;
import java.time.Instant;
import java.util.Map;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Repeated authentication failures block the key and the source address for a cool-down, on
 * each of the three APIs, with the protocol's own throttling error; the refusal does not depend
 * on whether the key exists, and calls before the limit is reached are unaffected.
 */
public class AuthThrottleIT {
    private static final int LIMIT = 4;

    @ClassRule
    public static final TestServer SERVER = new TestServer(Map.of("skyport.auth.throttle", "on"));

    private void limits(int failures, int blockSeconds) {
        limits(failures, blockSeconds, 60);
    }

    private void limits(int failures, int blockSeconds, int windowSeconds) {
        SettingService settings = SERVER.server().coreBean(SettingService.class);
        settings.update(CallContext.system(), "api.auth.throttle.failures", String.valueOf(failures),
                Setting.Scope.GLOBAL, 0);
        settings.update(CallContext.system(), "api.auth.throttle.block.seconds", String.valueOf(blockSeconds),
                Setting.Scope.GLOBAL, 0);
        settings.update(CallContext.system(), "api.auth.throttle.window.seconds", String.valueOf(windowSeconds),
                Setting.Scope.GLOBAL, 0);
    }

    /** Each test starts with no blocks: the address they all share is blocked by most of them. */
    @After
    public void unblock() {
        SERVER.server().coreBean(AuthThrottle.class).reset();
    }

    private double refusals(String api) {
        Counter c = SERVER.server().metrics().find("skyport.auth.throttled").tag("api", api).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    public void nativeBadSignaturesBlockTheKeyWithA429AndTheSameAnswerForUnknownKeys() {
        limits(LIMIT, 300);
        NativeClient victim = SERVER.tenant("throttle-native");
        NativeClient forger = new NativeClient(SERVER.baseUrl(), victim.apiKey(), "not-the-secret");
        assertEquals(200, victim.call("listZones").status());
        for (int i = 0; i < LIMIT; i++) {
            NativeClient.Reply r = forger.call("listZones");
            assertEquals(r.body(), 401, r.status());
        }
        double before = refusals("native");
        NativeClient.Reply blocked = forger.call("listZones");
        assertEquals(blocked.body(), 429, blocked.status());
        JsonObject err = blocked.inner();
        assertEquals(429, err.get("errorcode").getAsInt());
        assertFalse(blocked.body(), blocked.body().contains(victim.apiKey()));
        // the address is blocked too, so even the right secret waits: guessing gains nothing during a block
        assertEquals(429, victim.call("listZones").status());
        // an unknown key from the blocked address gets the very same body: nothing tells keys apart
        NativeClient stranger = new NativeClient(SERVER.baseUrl(), "no-such-key", "x");
        assertEquals(blocked.body(), stranger.call("listZones").body());
        assertTrue(refusals("native") >= before + 3);
    }

    @Test
    public void failuresBelowTheLimitAndSuccessesNeverBlock() throws InterruptedException {
        NativeClient user = SERVER.tenant("throttle-ok");
        limits(LIMIT, 300, 1);
        NativeClient forger = new NativeClient(SERVER.baseUrl(), user.apiKey(), "wrong");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LIMIT - 1; i++) {
                assertEquals(401, forger.call("listZones").status());
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("successes must not count as failures", 200, user.call("listZones").status());
            }
            // a new window: failures spread over windows, each below the limit, never add up
            Thread.sleep(1_100);
        }
    }

    @Test
    public void requestsWithoutCredentialsDoNotCount() {
        limits(LIMIT, 300);
        NativeClient user = SERVER.tenant("throttle-anon");
        NativeClient anon = new NativeClient(SERVER.baseUrl(), "", "");
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(user));
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(401, anon.get(Map.of("command", "listZones", "response", "json")).status());
            assertEquals(401, anon.get(Map.of("command", "listZones", "response", "json", "sessionkey",
                    "an-expired-session-key")).status());
            assertEquals(401, gce.callWith(null, "GET", "zones", null).status());
        }
        assertEquals(200, user.call("listZones").status());
        assertEquals(200, gce.call("GET", "zones", null).status());
    }

    @Test
    public void blockEndsAfterTheCoolDown() throws InterruptedException {
        limits(LIMIT, 2);
        NativeClient user = SERVER.tenant("throttle-cool");
        NativeClient forger = new NativeClient(SERVER.baseUrl(), user.apiKey(), "wrong");
        for (int i = 0; i < LIMIT; i++) {
            forger.call("listZones");
        }
        assertEquals(429, user.call("listZones").status());
        Thread.sleep(2_500);
        assertEquals(200, user.call("listZones").status());
    }

    @Test
    public void nativeLoginFailuresBlockTheUserName() {
        limits(LIMIT, 300);
        SERVER.tenant("throttle-login");
        NativeClient anon = new NativeClient(SERVER.baseUrl(), "", "");
        for (int i = 0; i < LIMIT; i++) {
            NativeClient.Reply r = anon.post(Map.of("command", "login", "username", "throttle-login", "password",
                    "guess-" + i, "response", "json"));
            assertEquals(r.body(), 401, r.status());
        }
        NativeClient.Reply right = anon.post(Map.of("command", "login", "username", "throttle-login", "password",
                "Tenant-Passw0rd", "response", "json"));
        assertEquals("the right password during a block is refused like any other: " + right.body(), 429,
                right.status());
    }

    @Test
    public void ec2BadSignaturesGetRequestLimitExceeded() throws Exception {
        limits(LIMIT, 300);
        NativeClient user = SERVER.tenant("throttle-ec2");
        Ec2Raw.Reply ok = Ec2Raw.post(SERVER, user.apiKey(), user.secret(), "skyport-1",
                Ec2Raw.action("DescribeRegions"));
        assertEquals(ok.body(), 200, ok.status());
        for (int i = 0; i < LIMIT; i++) {
            Ec2Raw.Reply r = Ec2Raw.post(SERVER, user.apiKey(), "wrong-secret", "skyport-1",
                    Ec2Raw.action("DescribeRegions"));
            assertEquals(r.body(), "SignatureDoesNotMatch", r.code());
        }
        double before = refusals("ec2");
        Ec2Raw.Reply blocked = Ec2Raw.post(SERVER, user.apiKey(), user.secret(), "skyport-1",
                Ec2Raw.action("DescribeRegions"));
        assertEquals(blocked.body(), 429, blocked.status());
        assertEquals("RequestLimitExceeded", blocked.code());
        Ec2Raw.Reply unknown = Ec2Raw.post(SERVER, "AKIDUNKNOWN", "x", "skyport-1", Ec2Raw.action("DescribeRegions"));
        assertEquals("RequestLimitExceeded", unknown.code());
        assertTrue(refusals("ec2") >= before + 2);
    }

    @Test
    public void gceBadTokensAndAssertionsGetRateLimitExceeded() {
        limits(LIMIT, 300);
        NativeClient user = SERVER.tenant("throttle-gce");
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(user));
        for (int i = 0; i < LIMIT; i++) {
            GceClient.Reply r = gce.callWith("sky.not-a-token-" + i, "GET", "zones", null);
            assertEquals(r.body(), 401, r.status());
        }
        GceClient.Reply blocked = gce.callWith("sky.another", "GET", "zones", null);
        assertEquals(blocked.body(), 429, blocked.status());
        JsonObject error = blocked.json().getAsJsonObject("error");
        assertEquals(429, error.get("code").getAsInt());
        assertEquals("rateLimitExceeded", error.getAsJsonArray("errors").get(0).getAsJsonObject().get("reason")
                .getAsString());
        // the token endpoint shares the address block, in OAuth2's error format
        GceClient.Reply grant = gce.grant(gce.jwt(gce.keyFile().get("token_uri").getAsString(), Instant.now()));
        assertEquals(grant.body(), 429, grant.status());
        assertEquals("invalid_grant", grant.json().get("error").getAsString());
    }
}
