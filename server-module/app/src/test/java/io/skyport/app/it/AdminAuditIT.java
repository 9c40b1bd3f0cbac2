package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every admin operation leaves an audit event written by the dispatcher (who, what, from where,
 * result), whether it succeeded, failed or was refused; plain users' successful calls and
 * read-only admin calls do not.
 */
public class AdminAuditIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private record Audit(String description, String state, String level, long accountId) {
    }

    private static List<Audit> audits() {
        return SERVER.server().coreBean(JdbcTemplate.class).query("SELECT description, state, level, account_id FROM "
                + "events WHERE type = 'ADMIN.AUDIT' ORDER BY id", (rs, i) -> new Audit(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    /**
     * The audit events written by the calls in {@code action}, which must be exactly {@code expected}.
     * A call's event may be written just after its answer was sent, so they are awaited briefly.
     */
    private static List<Audit> during(int expected, Runnable action) {
        int before = settled();
        action.run();
        long deadline = System.currentTimeMillis() + (expected == 0 ? 500 : 3_000);
        List<Audit> fresh;
        do {
            List<Audit> all = audits();
            fresh = all.subList(before, all.size());
            if (expected > 0 && fresh.size() >= expected) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.currentTimeMillis() < deadline);
        assertEquals(fresh.toString(), expected, fresh.size());
        return fresh;
    }

    /** The number of audit events once earlier calls' events have all been written. */
    private static int settled() {
        int n = audits().size();
        while (true) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return n;
            }
            int again = audits().size();
            if (again == n) {
                return n;
            }
            n = again;
        }
    }

    private static void assertNames(Audit a, String... parts) {
        for (String p : parts) {
            assertTrue(a + " lacks " + p, a.description().contains(p));
        }
    }

    @Test
    public void successfulAdminCommandIsAuditedWithWhoWhatWhereAndResult() {
        Audit a = during(1, () -> assertEquals(200, SERVER.admin().call("createServiceOffering", "name", "audited",
                "displaytext", "audited", "cpunumber", "1", "cpuspeed", "500", "memory", "256").status())).get(0);
        assertNames(a, "native createServiceOffering", "by admin", "from 127.0.0.1", "success");
        assertEquals("Completed", a.state());
        assertTrue(a.accountId() > 0);
    }

    @Test
    public void failedAdminCommandIsAudited() {
        Audit a = during(1, () -> assertEquals(431, SERVER.admin().call("createServiceOffering", "name", "x").status()))
                .get(0);
        assertNames(a, "createServiceOffering", "failed");
        assertEquals("WARN", a.level());
    }

    @Test
    public void userRefusedAnAdminCommandIsAuditedUnderTheUsersAccount() {
        NativeClient mallory = SERVER.tenant("audit-mallory");
        Audit a = during(1, () -> assertEquals(401, mallory.call("createZone", "name", "z", "dns1", "198.18.0.1",
                "internaldns1", "198.18.0.1", "networktype", "Basic").status())).get(0);
        assertNames(a, "createZone", "by audit-mallory", "refused");
        assertEquals("Refused", a.state());
        assertTrue(a.accountId() > 0);
    }

    @Test
    public void badSignatureOnAnAdminCommandIsAuditedAsUnauthenticated() {
        NativeClient forger = new NativeClient(SERVER.baseUrl(), SERVER.admin().apiKey(), "forged");
        Audit a = during(1, () -> assertEquals(401, forger.call("deleteHost", "id", "1").status())).get(0);
        assertNames(a, "deleteHost", "(unauthenticated)", "from 127.0.0.1", "refused");
        assertEquals(0, a.accountId());
    }

    @Test
    public void settingChangeByAdminIsAuditedAtTheDispatcher() {
        Audit a = during(1, () -> assertEquals(200, SERVER.admin().call("updateConfiguration", "name",
                "default.page.size", "value", "500").status())).get(0);
        assertNames(a, "updateConfiguration", "by admin", "success");
    }

    @Test
    public void userRefusedASettingChangeIsAudited() {
        NativeClient user = SERVER.tenant("audit-settings");
        Audit a = during(1, () -> assertEquals(401, user.call("updateConfiguration", "name", "default.page.size",
                "value", "1").status())).get(0);
        assertNames(a, "updateConfiguration", "by audit-settings", "refused");
    }

    @Test
    public void readsAndUsersOwnCallsAreNotAudited() {
        NativeClient user = SERVER.tenant("audit-quiet");
        during(0, () -> {
            assertEquals(200, SERVER.admin().call("listHosts").status());
            assertEquals(200, SERVER.admin().call("listZones").status());
            assertEquals(200, user.call("listZones").status());
            assertEquals(200, user.call("createSSHKeyPair", "name", "quiet").status());
        });
    }

    @Test
    public void gceCallsOfAnAdminAreAudited() {
        GceClient gce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(SERVER.admin()));
        gce.token();
        Audit a = during(1, () -> {
            GceClient.Reply r = gce.call("POST", "global/firewalls", "{\"name\":\"audited-fw\",\"allowed\":"
                    + "[{\"IPProtocol\":\"tcp\",\"ports\":[\"22\"]}]}");
            assertEquals(r.body(), 200, r.status());
        }).get(0);
        assertNames(a, "gce compute.firewalls.insert", "by admin", "success");
        during(0, () -> assertEquals(200, gce.call("GET", "global/firewalls", null).status()));
    }

    @Test
    public void ec2CallsOfAnAdminAreAudited() throws Exception {
        NativeClient admin = SERVER.admin();
        Audit a = during(1, () -> {
            try {
                Ec2Raw.Reply r = Ec2Raw.post(SERVER, admin.apiKey(), admin.secret(), "skyport-1",
                        Ec2Raw.action("CreateKeyPair", "KeyName", "audited-ec2"));
                assertEquals(r.body(), 200, r.status());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).get(0);
        assertNames(a, "ec2 CreateKeyPair", "by admin", "success");
        Map<String, String> read = Ec2Raw.action("DescribeKeyPairs");
        during(0, () -> {
            try {
                assertEquals(200, Ec2Raw.post(SERVER, admin.apiKey(), admin.secret(), "skyport-1", read).status());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
