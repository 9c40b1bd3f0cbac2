package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.infra.ZoneDao;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web UI shell at /client in a real browser (Debian's chromium driven by playwright-core,
 * {@code npm ci} in {@code src/test/node}, script web_ui.mjs) on the simulator's demo zone, with
 * 1,000 more VM rows in the admin's account: an administrator signs in, deploys with the wizard
 * and sees Running, stops it, visits every page and each plugin panel, switches the EC2 endpoint
 * off (an AWS SDK call fails) and on (it works); a normal user sees neither admin pages nor the
 * admin's VMs. Every native API call the pages make asks for one page of at most 50 rows.
 * Screenshots: target/screenshots/ui-*.png.
 */
public class WebUiBrowserIT {
    private static final Path NODE_PROJECT = Path.of("src/test/node");
    private static final String CHROMIUM = Live.env("SKYPORT_CHROMIUM", "/usr/bin/chromium");
    private static final String PASSWORD = "Admin-Passw0rd";
    private static final int SEEDED = 1000;

    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @BeforeClass
    public static void browserPresent() {
        Live.require("chromium", Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " not found (apt-get install "
                + "chromium)");
        Live.require("playwright-core", Files.isDirectory(NODE_PROJECT.resolve("node_modules/playwright-core")),
                "run npm ci in " + NODE_PROJECT);
    }

    /** The shell's files are served at /client, and the native API beside them is untouched. */
    @Test
    public void theShellIsServedAtClientBesideTheApi() {
        NativeClient.Reply index = get("/client/");
        assertEquals(200, index.status());
        assertTrue(index.contentType(), index.contentType().startsWith("text/html"));
        assertTrue(index.body(), index.body().contains("/client/assets/"));
        assertEquals(200, get("/client").status());
        assertEquals(404, get("/client/../etc/passwd").status());
        assertEquals(404, get("/client/nothing-here.js").status());
        NativeClient.Reply api = SERVER.admin().call("listZones");
        assertEquals(api.body(), 200, api.status());
    }

    @Test
    public void anAdminDeploysStopsSwitchesEc2AndAUserSeesOnlyTheirOwn() throws Exception {
        NativeClient admin = SERVER.admin();
        String adminUser = "uiadmin" + System.nanoTime();
        admin.call("createAccount", "username", adminUser, "password", PASSWORD, "roletype", "Admin", "firstname", "U",
                "lastname", "A", "email", adminUser + "@example.org");
        // one VM deployed through the API, then 1,000 more rows like it: the dashboard and the list stay paged
        String adminVm = "adminvm" + System.nanoTime() % 100000;
        JsonObject done = admin.awaitJob(admin.call("deployVirtualMachine", "zoneid", zone(), "serviceofferingid",
                offering(), "templateid", template(), "name", adminVm).inner().get("jobid").getAsString());
        assertEquals(done.toString(), 1, done.get("jobstatus").getAsInt());
        seed(SERVER.server().coreBean(JdbcTemplate.class), adminVm, SEEDED);
        String user = "uiuser" + System.nanoTime();
        NativeClient tenant = SERVER.tenant(user);
        String userVm = "uservm" + System.nanoTime() % 100000;
        JsonObject own = tenant.awaitJob(tenant.call("deployVirtualMachine", "zoneid", zone(), "serviceofferingid",
                offering(), "templateid", template(), "name", userVm).inner().get("jobid").getAsString());
        assertEquals(own.toString(), 1, own.get("jobstatus").getAsInt());

        Path shots = Path.of("target/screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        String wizardVm = "wizard" + System.nanoTime() % 100000;
        ExternalProcess.Run run = ExternalProcess.run(List.of("node", NODE_PROJECT.resolve("web_ui.mjs")
                .toAbsolutePath().toString(), SERVER.baseUrl(), adminUser, PASSWORD, user, "Tenant-Passw0rd",
                wizardVm, shots.toString()), Map.of("SKYPORT_CHROMIUM", CHROMIUM, "AWS_ACCESS_KEY_ID", admin.apiKey(),
                "AWS_SECRET_ACCESS_KEY", admin.secret()), 150);
        assertEquals(run.stderr(), 0, run.exit());
        String[] lines = run.stdout().trim().split("\n");
        JsonObject out = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();

        assertEquals("no console errors: " + out.get("errors"), 0, out.getAsJsonArray("errors").size());
        // the dashboard counted the 1,000 seeded rows from one-row pages
        assertTrue(out.get("dashboardStopped").toString(),
                Integer.parseInt(out.get("dashboardStopped").getAsString()) >= SEEDED);
        assertTrue("the wizard's VM reached Running", out.get("reachedRunning").getAsBoolean());
        assertTrue("it stopped", out.get("reachedStopped").getAsBoolean());
        JsonObject vm = admin.call("listVirtualMachines", "name", wizardVm).inner().getAsJsonArray("virtualmachine")
                .get(0).getAsJsonObject();
        assertEquals("Stopped", vm.get("state").getAsString());

        Set<String> nav = strings(out.getAsJsonArray("nav"));
        assertTrue(nav.toString(), nav.containsAll(Set.of("accounts", "settings", "panel-ec2", "panel-gce",
                "panel-containers")));
        JsonObject panels = out.getAsJsonObject("panels");
        for (String id : List.of("ec2", "gce", "containers")) {
            assertTrue(panels.toString(), panels.has(id));
            assertTrue("the panel used the shell's session: " + panels, panels.getAsJsonObject(id)
                    .get("loginHidden").getAsBoolean());
        }
        assertEquals(7, out.getAsJsonObject("pages").size());

        JsonObject ec2 = out.getAsJsonObject("ec2");
        assertTrue(ec2.toString(), ec2.getAsJsonObject("before").get("ok").getAsBoolean());
        assertFalse(ec2.toString(), ec2.getAsJsonObject("whenDisabled").get("ok").getAsBoolean());
        assertTrue(ec2.toString(), ec2.getAsJsonObject("whenEnabled").get("ok").getAsBoolean());

        assertEquals(9, out.getAsJsonObject("phoneOverflow").size());
        for (Map.Entry<String, JsonElement> e : out.getAsJsonObject("phoneOverflow").entrySet()) {
            assertTrue("the " + e.getKey() + " page fits 390 px: " + e.getValue(), e.getValue().getAsInt() <= 0);
        }

        JsonObject seen = out.getAsJsonObject("user");
        Set<String> userNav = strings(seen.getAsJsonArray("nav"));
        assertFalse(userNav.toString(), userNav.contains("accounts") || userNav.contains("settings")
                || userNav.contains("panel-containers"));
        assertTrue(userNav.toString(), userNav.contains("instances") && userNav.contains("panel-ec2"));
        assertEquals(List.of(userVm), new ArrayList<>(strings(seen.getAsJsonArray("vms"))));

        // every list the shell asked for, and every VM list at all, was one page of at most 50 rows
        int lists = 0;
        for (JsonElement r : out.getAsJsonArray("requests")) {
            JsonObject req = r.getAsJsonObject();
            String command = req.get("command").getAsString();
            boolean shell = "shell".equals(req.get("from").getAsString());
            if (!command.startsWith("list") || !(shell || command.equals("listVirtualMachines"))) {
                continue;
            }
            lists++;
            assertTrue("paged: " + req, req.has("pagesize") && !req.get("pagesize").isJsonNull());
            assertTrue("at most 50 rows: " + req, Integer.parseInt(req.get("pagesize").getAsString()) <= 50);
            assertTrue("a page is named: " + req, req.has("page") && !req.get("page").isJsonNull());
        }
        assertTrue("the pages listed through the API", lists > 20);

        for (String page : List.of("login", "dashboard", "deploy-wizard", "instances", "templates", "offerings",
                "securitygroups", "keypairs", "volumes", "accounts", "settings", "panel-ec2", "panel-gce",
                "panel-containers", "dashboard-phone", "user-instances")) {
            assertTrue(page, Files.size(shots.resolve("ui-" + page + ".png")) > 0);
        }
    }

    private static Set<String> strings(JsonArray a) {
        Set<String> s = new HashSet<>();
        a.forEach(e -> s.add(e.getAsString()));
        return s;
    }

    private static NativeClient.Reply get(String path) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.baseUrl() + path))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new NativeClient.Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""),
                    resp.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String zone() {
        return SERVER.server().coreBean(ZoneDao.class).zones(null, null, null).get(0).uuid();
    }

    private static String offering() {
        return SERVER.server().coreBean(ServiceOfferingDao.class).findByName("Small Instance").orElseThrow().uuid();
    }

    private static String template() {
        return SERVER.server().coreBean(TemplateDao.class).list(1, true, "featured", null, null, null, null, null)
                .get(0).uuid();
    }

    /** Adds stopped VM rows like the named one straight to the database (counters too), as the compute benchmark does. */
    private static void seed(JdbcTemplate jdbc, String like, int n) {
        Map<String, Object> proto = jdbc.queryForMap("SELECT * FROM vms WHERE name = ? AND removed IS NULL", like);
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new Object[] {UUID.randomUUID().toString(), "seed-" + i, "seed-" + i, proto.get("account_id"),
                    proto.get("domain_id"), proto.get("zone_id"), proto.get("service_offering_id"),
                    proto.get("template_id"), proto.get("hypervisor"), proto.get("cpus"), proto.get("cpu_speed"),
                    proto.get("memory_mb"), proto.get("created"), proto.get("updated")});
        }
        jdbc.batchUpdate("INSERT INTO vms (uuid, name, display_name, account_id, domain_id, zone_id, "
                + "service_offering_id, template_id, hypervisor, cpus, cpu_speed, memory_mb, state, update_count, "
                + "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Stopped', 0, ?, ?)", batch);
        jdbc.update("UPDATE resource_counts SET amount = amount + ? WHERE account_id = ? AND resource_type = 'vm_rows'",
                n, proto.get("account_id"));
    }
}
