package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Tenant isolation as a tested property, table-driven: account A (one domain with B) makes one of
 * every resource type through each API (native, EC2, GCE); account B then reads, lists (by id,
 * by filter, and everything), modifies and deletes each of them through each API, and must get
 * exactly what it gets for an id nobody ever used: the protocol's not-found (native 431 with the
 * text of an unknown id, EC2 the resource's {@code .NotFound} code, GCE 404 notFound) or a listing
 * without A's rows; never wording that tells the resource exists. A's rows are unchanged after
 * (database digest). A domain admin of a second domain sees only that domain.
 *
 * <p>One matrix row is one (API, resource type, operation); a row runs against every resource of
 * that type A has as that API shows it (so against those made through the other two APIs too).
 * Operations an API does not offer for a type are rows too, marked n/a with the reason, so that a
 * missing row shows.
 */
public class TenantIsolationIT {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    private static final Pattern LEAK = Pattern.compile("(?i)forbidden|permission|not authori[sz]ed|access denied|"
            + "belongs to|owned by|another account|not the owner|not yours");

    static NativeClient a;
    static NativeClient b;
    static NativeClient domainAdmin;
    static NativeClient otherDomainUser;
    static GceClient aGce;
    static GceClient bGce;
    static GceClient domainAdminGce;
    static IsolationFixture fx;

    @BeforeClass
    public static void setUp() throws Exception {
        a = SERVER.tenant("isoa" + System.nanoTime());
        b = SERVER.tenant("isob" + System.nanoTime());
        String domain = SERVER.admin().call("createDomain", "name", "isod2" + System.nanoTime()).inner()
                .getAsJsonObject("domain").get("id").getAsString();
        domainAdmin = account("isodadmin" + System.nanoTime(), domain, "2");
        otherDomainUser = account("isoc" + System.nanoTime(), domain, "0");
        aGce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(a));
        bGce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(b));
        domainAdminGce = new GceClient(SERVER.baseUrl(), GceClient.keyFile(domainAdmin));
        // their access tokens are issued now, not inside the before/after digest of B's calls
        bGce.token();
        domainAdminGce.token();
        fx = IsolationFixture.build(SERVER, a, aGce, b, bGce, otherDomainUser);
    }

    private static NativeClient account(String name, String domainId, String type) {
        JsonObject account = SERVER.admin().call("createAccount", "username", name, "password", "Tenant-Passw0rd",
                "firstname", "T", "lastname", "N", "email", name + "@example.org", "domainid", domainId,
                "accounttype", type).inner().getAsJsonObject("account");
        String userId = account.getAsJsonArray("user").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject keys = SERVER.admin().call("registerUserKeys", "id", userId).inner().getAsJsonObject("userkeys");
        return new NativeClient(SERVER.baseUrl(), keys.get("apikey").getAsString(), keys.get("secretkey").getAsString());
    }

    /** One answer, reduced to what a client can compare: status, error code and text, ids masked. */
    record Answer(int status, String code, String body) {
    }

    /** How a row's call is judged. */
    enum Expect {
        NOT_FOUND, LISTED_WITHOUT,
        /** The protocol answers this call alike for any id (EC2 DeleteKeyPair succeeds for any name, as AWS's does). */
        SAME_AS_UNKNOWN,
        NA
    }

    /** A matrix row: B's call with one of A's ids (or a made-up one), per (API, type, operation). */
    record Row(String api, String type, String op, Expect expect, Function<String, Answer> call, String na) {
    }

    @Test
    public void anotherAccountSeesOnlyNotFound() {
        List<Row> rows = IsolationRows.all(fx, b, bGce);
        Map<String, String> before = fx.digest();
        List<String> failures = new ArrayList<>();
        int checks = 0;
        int na = 0;
        StringBuilder table = new StringBuilder();
        for (Row row : rows) {
            if (row.expect() == Expect.NA) {
                na++;
                table.append(String.format("  %-6s %-14s %-34s n/a: %s%n", row.api(), row.type(), row.op(), row.na()));
                continue;
            }
            List<String> targets = fx.targets(row.api(), row.type());
            if (targets.isEmpty()) {
                failures.add(row.api() + " " + row.type() + ": A has no such resource to test " + row.op() + " on");
                continue;
            }
            int rowFailures = failures.size();
            for (String target : targets) {
                checks++;
                String fake = fx.fakeId(row.api(), row.type(), target);
                String problem = judge(row, target, fake);
                if (problem != null) {
                    failures.add(row.api() + " " + row.type() + " " + row.op() + " on " + target + ": " + problem);
                }
            }
            table.append(String.format("  %-6s %-14s %-34s %s x%d%n", row.api(), row.type(), row.op(),
                    failures.size() == rowFailures ? "ok" : "FAILED", targets.size()));
        }
        List<String> changed = DbDigest.changed(before, fx.digest());
        System.out.println("TenantIsolationIT matrix: " + rows.size() + " rows (" + (rows.size() - na) + " run, " + na
                + " n/a), " + checks + " checks against A's resources\n" + table);
        assertEquals(String.join("\n", failures), List.of(), failures);
        assertEquals("another account's calls changed rows", List.of(), changed);
    }

    /** Why B's answer for A's resource is wrong, or null. */
    static String judge(Row row, String target, String fake) {
        Answer real = row.call().apply(target);
        Answer unknown = row.call().apply(fake);
        String realText = mask(real.body(), target);
        if (LEAK.matcher(realText).find() && !row.op().startsWith("in A's project")) {
            return "wording that tells it exists: " + abbreviate(realText);
        }
        if (row.expect() == Expect.LISTED_WITHOUT) {
            if (real.status() != 200) {
                return "listing answered " + real.status() + ": " + abbreviate(realText);
            }
            for (String id : fx.allIdsOfA()) {
                if (real.body().contains(id)) {
                    return "listing shows A's " + id;
                }
            }
        } else if (row.expect() == Expect.NOT_FOUND) {
            String protocol = notFound(row.api(), real);
            if (protocol != null && !row.op().startsWith("in A's project")) {
                return protocol + ": " + real.status() + " " + real.code() + " " + abbreviate(realText);
            }
        }
        Answer realMasked = new Answer(real.status(), real.code(), realText);
        Answer unknownMasked = new Answer(unknown.status(), unknown.code(), mask(unknown.body(), fake));
        if (!realMasked.equals(unknownMasked)) {
            return "answers differently than for an unknown id:\n      A's:     " + abbreviate(realMasked.toString())
                    + "\n      unknown: " + abbreviate(unknownMasked.toString());
        }
        return null;
    }

    private static String notFound(String api, Answer r) {
        return switch (api) {
            case "native" -> r.status() == 431 ? null : "not native 431";
            case "ec2" -> r.status() == 400 && r.code() != null && r.code().endsWith(".NotFound") ? null
                    : "not an EC2 .NotFound";
            default -> r.status() == 404 && "notFound".equals(r.code()) ? null : "not GCE 404 notFound";
        };
    }

    static String mask(String body, String id) {
        return body.replace(id, "<ID>").replaceAll("<(RequestID|requestId)>[^<]*</(RequestID|requestId)>", "")
                .replaceAll("\"jobid\":\"[^\"]*\"", "").replaceAll("<jobid>[^<]*</jobid>", "");
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    @Test
    public void aDomainAdminSeesOnlyTheirDomain() {
        List<String> failures = new ArrayList<>();
        String rootDomain = fx.domainOfA();
        Map<String, String[]> lists = new LinkedHashMap<>();
        lists.put("listVirtualMachines", new String[] {"listall", "true"});
        lists.put("listVolumes", new String[] {"listall", "true"});
        lists.put("listSecurityGroups", new String[] {"listall", "true"});
        lists.put("listSSHKeyPairs", new String[] {"listall", "true"});
        lists.put("listPublicIpAddresses", new String[] {"listall", "true"});
        lists.put("listTemplates", new String[] {"listall", "true", "templatefilter", "self"});
        lists.put("listTags", new String[] {"listall", "true"});
        lists.put("listAccounts", new String[] {"listall", "true"});
        lists.put("listAsyncJobs", new String[] {"listall", "true"});
        lists.put("listEvents", new String[] {"listall", "true"});
        int rows = 0;
        for (Map.Entry<String, String[]> e : lists.entrySet()) {
            rows++;
            NativeClient.Reply r = domainAdmin.call(e.getKey(), e.getValue());
            if (r.status() != 200) {
                failures.add(e.getKey() + " listall: " + r.status() + " " + r.body());
                continue;
            }
            for (String id : fx.allIdsOfA()) {
                if (r.body().contains(id)) {
                    failures.add(e.getKey() + " listall shows A's " + id);
                }
            }
            if (r.body().contains(fx.accountNameOfA())) {
                failures.add(e.getKey() + " listall names account A");
            }
            // with the other domain's id: refused exactly as for a domain that does not exist
            rows++;
            List<String> kv = new ArrayList<>(List.of(e.getValue()));
            kv.addAll(List.of("domainid", rootDomain));
            NativeClient.Reply other = domainAdmin.call(e.getKey(), kv.toArray(String[]::new));
            kv.set(kv.size() - 1, UUID.randomUUID().toString());
            NativeClient.Reply none = domainAdmin.call(e.getKey(), kv.toArray(String[]::new));
            String masked = mask(other.body(), rootDomain);
            if (other.status() == 200 && fx.allIdsOfA().stream().anyMatch(other.body()::contains)) {
                failures.add(e.getKey() + " domainid=A's domain shows A's rows");
            } else if (!masked.equals(mask(none.body(), kv.get(kv.size() - 1))) || LEAK.matcher(masked).find()) {
                failures.add(e.getKey() + " domainid=A's domain answers unlike an unknown domain: " + abbreviate(masked)
                        + " vs " + abbreviate(none.body()));
            }
        }
        // the positive control: the domain admin does see the other user of their domain
        rows++;
        String vmsOfDomain = domainAdmin.call("listVirtualMachines", "listall", "true").body();
        if (!vmsOfDomain.contains(fx.vmOfOtherDomainUser())) {
            failures.add("the domain admin does not see their own domain's VM " + fx.vmOfOtherDomainUser());
        }
        rows++;
        Ec2Raw.Reply ec2 = fx.ec2(domainAdmin, "DescribeInstances");
        for (String id : fx.targets("ec2", "instance")) {
            if (ec2.body().contains(id)) {
                failures.add("EC2 DescribeInstances of the domain admin shows A's " + id);
            }
        }
        rows++;
        GceClient.Reply gce = domainAdminGce.call("GET", "aggregated/instances", null);
        for (String name : fx.targets("gce", "instance")) {
            if (gce.status() != 200 || gce.body().contains("/" + name + "\"")) {
                failures.add("GCE aggregated instances of the domain admin: " + gce.status() + " shows A's " + name);
            }
        }
        System.out.println("TenantIsolationIT domain admin: " + rows + " rows");
        assertTrue("checked", rows > 10);
        assertEquals(String.join("\n", failures), List.of(), failures);
    }
}
