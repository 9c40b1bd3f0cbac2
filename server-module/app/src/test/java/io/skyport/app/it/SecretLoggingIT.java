package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.skyport.api.auth.SignatureVerifier;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.Test;

/**
 * No secret is ever logged: a scenario over the three APIs that uses known secrets (passwords,
 * API secret keys, session keys, signatures, the at-rest key, service-account private keys, JWT
 * assertions, OAuth tokens), successfully and wrongly, runs with the shipped logging
 * configuration at DEBUG, and the captured output (messages and stack traces) is searched for
 * each of them, plain and URL-encoded.
 */
public class SecretLoggingIT {
    private final List<String> secrets = new ArrayList<>();

    private void secret(String s) {
        assertTrue("a secret of the scenario is empty", s != null && s.length() >= 8);
        secrets.add(s);
    }

    @Test
    public void scenarioAtDebugLogsNoSecret() throws Exception {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        Level rootBefore = root.getLevel();
        StringWriter captured = new StringWriter();
        WriterAppender capture = WriterAppender.newBuilder().setName("secret-capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %level %msg %throwable%n").build()).build();
        capture.start();
        config.addAppender(capture);
        root.addAppender(capture, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        ctx.updateLoggers();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String atRestKey = Base64.getEncoder().encodeToString(raw);
        secret(atRestKey);
        try (TestServer server = new TestServer(Map.of("skyport.secret.key", atRestKey, "skyport.auth.throttle", "on"))
                .start()) {
            scenario(server);
        } finally {
            root.removeAppender("secret-capture");
            root.setLevel(rootBefore);
            ctx.updateLoggers();
            capture.stop();
        }
        String log = captured.toString();
        assertTrue("DEBUG output was not captured", log.contains(" DEBUG "));
        assertTrue("the scenario's calls did not log", log.length() > 1000);
        for (String s : secrets) {
            for (String form : List.of(s, URLEncoder.encode(s, StandardCharsets.UTF_8))) {
                int at = log.indexOf(form);
                assertTrue("secret logged: …" + (at < 0 ? "" : log.substring(Math.max(0, at - 200), at)) + "[SECRET]",
                        at < 0);
            }
        }
    }

    private void scenario(TestServer server) throws Exception {
        NativeClient admin = server.admin();
        secret(admin.secret());
        secret(server.server().bootstrap().password());
        NativeClient anon = new NativeClient(server.baseUrl(), "", "");
        NativeClient.Reply login = anon.post(Map.of("command", "login", "username", "admin", "password",
                server.server().bootstrap().password(), "response", "json"));
        assertEquals(login.body(), 200, login.status());
        String session = login.inner().get("sessionkey").getAsString();
        secret(session);
        assertEquals(200, anon.get(Map.of("command", "listZones", "sessionkey", session, "response", "json"))
                .status());
        String guess = "Guessed-Passw0rd-" + System.nanoTime();
        secret(guess);
        assertEquals(401, anon.post(Map.of("command", "login", "username", "admin", "password", guess, "response",
                "json")).status());

        NativeClient tenant = server.tenant("logged-tenant");
        secret(tenant.secret());
        secret("Tenant-Passw0rd");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listVirtualMachines");
        p.put("response", "json");
        p.put("apiKey", tenant.apiKey());
        String signature = SignatureVerifier.sign(p, tenant.secret());
        secret(signature);
        p.put("signature", signature);
        assertEquals(200, anon.get(p).status());
        String forged = SignatureVerifier.sign(p, "a-forged-secret-key-of-the-attacker");
        secret(forged);
        p.put("signature", forged);
        assertEquals(401, anon.get(p).status());
        NativeClient.Reply changed = admin.call("updateUser", "id", tenant.call("listUsers").inner()
                .getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString(), "password",
                "Changed-Passw0rd-77");
        secret("Changed-Passw0rd-77");
        assertTrue(changed.body(), changed.status() == 200 || changed.status() == 431);

        Ec2Raw.Reply ec2 = Ec2Raw.post(server, tenant.apiKey(), tenant.secret(), "skyport-1",
                Ec2Raw.action("DescribeInstances"));
        assertEquals(ec2.body(), 200, ec2.status());
        Ec2Raw.Reply keyPair = Ec2Raw.post(server, tenant.apiKey(), tenant.secret(), "skyport-1",
                Ec2Raw.action("CreateKeyPair", "KeyName", "logged"));
        assertEquals(keyPair.body(), 200, keyPair.status());
        String material = keyPair.body().replaceAll("(?s).*<keyMaterial>(.*)</keyMaterial>.*", "$1")
                .replaceAll("-----[A-Z ]+-----", "").trim().split("\\s+")[1];
        secret(material);
        String wrongEc2 = "wrong-ec2-secret-" + System.nanoTime();
        secret(wrongEc2);
        assertEquals(403, Ec2Raw.post(server, tenant.apiKey(), wrongEc2, "skyport-1",
                Ec2Raw.action("DescribeInstances")).status());

        JsonObject keyFile = GceClient.keyFile(tenant);
        String pem = keyFile.get("private_key").getAsString().replaceAll("-----[A-Z ]+-----", "").trim();
        secret(pem.split("\\s+")[1]);
        GceClient gce = new GceClient(server.baseUrl(), keyFile);
        String assertion = gce.jwt(keyFile.get("token_uri").getAsString(), Instant.now());
        secret(assertion.substring(assertion.lastIndexOf('.') + 1));
        GceClient.Reply token = gce.grant(assertion);
        assertEquals(token.body(), 200, token.status());
        String accessToken = token.json().get("access_token").getAsString();
        secret(accessToken);
        assertEquals(200, gce.callWith(accessToken, "GET", "zones", null).status());
        String badToken = "sky.bad-token-" + System.nanoTime();
        secret(badToken);
        assertEquals(401, gce.callWith(badToken, "GET", "zones", null).status());
        assertEquals(400, gce.grant(assertion.substring(0, assertion.length() - 4) + "AAAA").status());
    }
}
