package io.skyport.app.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyport.app.SkyportServer;
import io.skyport.app.it.NativeClient.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real server on a real MariaDB: the one set of migrations creates the schema, the identity
 * and job paths work through it, and the data (with the encrypted API secrets) survives a
 * restart. Each run gets its own throw-away database.
 */
public class MariaDbIT {
    private static ScratchMariaDb scratch;
    private static TestServer server;

    @BeforeClass
    public static void createDatabaseAndStart() throws Exception {
        scratch = ScratchMariaDb.create();
        server = new TestServer(scratch.serverConfig()).start();
    }

    @AfterClass
    public static void stopAndDropDatabase() throws SQLException {
        if (server != null) {
            server.stop();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Test
    public void serverRunsOnMariaDbWithTheMigratedSchema() throws SQLException {
        try (Connection c = server.server().coreBean(DataSource.class).getConnection()) {
            // guards against the configuration silently falling back to the embedded H2
            assertEquals("MariaDB", c.getMetaData().getDatabaseProductName());
            assertEquals(scratch.name(), c.getCatalog());
        }
        try (Connection c = ScratchMariaDb.connect(scratch.url()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT version, description, success FROM schema_version WHERE version = '1'")) {
                assertTrue("schema_version has no V1 row", rs.next());
                assertEquals("identity settings", rs.getString("description"));
                assertTrue(rs.getBoolean("success"));
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version WHERE success = 0")) {
                rs.next();
                assertEquals("failed migrations", 0, rs.getInt(1));
            }
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase());
                }
            }
            for (String t : new String[] {"domains", "accounts", "users", "settings", "async_job", "mshost", "vms",
                    "resource_counts"}) {
                assertTrue("table " + t + " missing from " + tables, tables.contains(t));
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM accounts WHERE name = 'admin'")) {
                rs.next();
                assertEquals("the first start bootstrapped the admin account", 1, rs.getInt(1));
            }
        }
    }

    @Test
    public void newUserSignsWithItsOwnKeysAndSeesOnlyItsAccount() {
        NativeClient admin = server.admin();
        Reply all = admin.call("listAccounts");
        assertEquals(all.body(), 200, all.status());
        assertTrue(all.body(), names(all.inner().getAsJsonArray("account"), "name").contains("admin"));

        JsonObject account = createAccount(admin, "mdb-owner");
        String accountName = account.get("name").getAsString();
        assertEquals("mdb-owner", accountName);
        assertCreatedJustNow(account);

        Reply userReply = admin.call("createUser", "account", accountName, "domainid",
                account.get("domainid").getAsString(), "username", "mdb-second", "password", "Sec0nd-pass",
                "firstname", "Second", "lastname", "User", "email", "second@example.org");
        assertEquals(userReply.body(), 200, userReply.status());
        JsonObject user = userReply.inner().getAsJsonObject("user");
        assertEquals(account.get("id").getAsString(), user.get("accountid").getAsString());

        Reply keysReply = admin.call("registerUserKeys", "id", user.get("id").getAsString());
        assertEquals(keysReply.body(), 200, keysReply.status());
        JsonObject keys = keysReply.inner().getAsJsonObject("userkeys");
        NativeClient second = new NativeClient(server.baseUrl(), keys.get("apikey").getAsString(),
                keys.get("secretkey").getAsString());

        Reply users = second.call("listUsers");
        assertEquals(users.body(), 200, users.status());
        JsonObject listed = users.inner();
        assertEquals(users.body(), 2, listed.get("count").getAsInt());
        assertEquals(Set.of("mdb-owner", "mdb-second"), names(listed.getAsJsonArray("user"), "username"));
        assertEquals(Set.of(accountName), names(listed.getAsJsonArray("user"), "account"));
        Reply own = second.call("listAccounts");
        assertEquals(own.body(), Set.of(accountName), names(own.inner().getAsJsonArray("account"), "name"));

        Reply delete = admin.call("deleteAccount", "id", account.get("id").getAsString());
        assertEquals(delete.body(), 200, delete.status());
        JsonObject job = admin.awaitJob(delete.inner().get("jobid").getAsString());
        assertEquals(job.toString(), 1, job.get("jobstatus").getAsInt());
        assertEquals(job.toString(), "true", job.getAsJsonObject("jobresult").get("success").getAsString());
        assertEquals("keys of a deleted account stop working", 401, second.call("listUsers").status());
        Reply remaining = admin.call("listAccounts");
        assertFalse(remaining.body(), names(remaining.inner().getAsJsonArray("account"), "name")
                .contains(accountName));
    }

    @Test
    public void dataAndKeysSurviveARestartOnTheSameDatabase() throws Exception {
        JsonObject before = createAccount(server.admin(), "mdb-persist");
        SkyportServer first = server.server();
        int portBefore = first.port();
        server.restart();
        assertNotSame("a new server instance", first, server.server());
        assertFalse("restart does not bootstrap again", server.server().bootstrap().created());
        // the admin keys of the first start: their secret is decrypted with the same home's key
        Reply r = server.admin().call("listAccounts", "id", before.get("id").getAsString());
        assertEquals("after restart (port " + portBefore + " -> " + server.server().port() + "): " + r.body(), 200,
                r.status());
        JsonObject after = r.inner().getAsJsonArray("account").get(0).getAsJsonObject();
        assertEquals("mdb-persist", after.get("name").getAsString());
        assertEquals(before.get("created").getAsString(), after.get("created").getAsString());
        assertEquals(Set.of("mdb-persist"), names(after.getAsJsonArray("user"), "username"));
    }

    private static JsonObject createAccount(NativeClient admin, String name) {
        Reply r = admin.call("createAccount", "username", name, "password", "Passw0rd-" + name, "firstname", "Maria",
                "lastname", "Db", "email", name + "@example.org");
        assertEquals(r.body(), 200, r.status());
        return r.inner().getAsJsonObject("account");
    }

    /** DATETIME round trip: the stored creation time reads back as now, not shifted by a zone. */
    private static void assertCreatedJustNow(JsonObject entity) {
        Instant created = OffsetDateTime.parse(entity.get("created").getAsString(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")).toInstant();
        Duration off = Duration.between(created, Instant.now()).abs();
        assertTrue("created " + created + " is " + off + " away from now", off.compareTo(Duration.ofMinutes(2)) < 0);
    }

    private static Set<String> names(JsonArray items, String field) {
        Set<String> out = new HashSet<>();
        for (JsonElement e : items) {
            out.add(e.getAsJsonObject().get(field).getAsString());
        }
        return out;
    }
}
