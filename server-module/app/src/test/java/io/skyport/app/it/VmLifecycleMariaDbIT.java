package io.skyport.app.it;

import org.junit.AfterClass;
import org.junit.BeforeClass;

/** The VM lifecycle scenarios on a live MariaDB. */
public class VmLifecycleMariaDbIT extends VmLifecycleScenarios {
    private static ScratchMariaDb scratch;
    private static TestServer mariaDbServer;

    @BeforeClass
    public static void startOnMariaDb() throws Exception {
        scratch = ScratchMariaDb.create();
        mariaDbServer = new TestServer(scratch.serverConfig()).start();
    }

    @AfterClass
    public static void stopAndDrop() throws Exception {
        if (mariaDbServer != null) {
            mariaDbServer.stop();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Override
    protected TestServer server() {
        return mariaDbServer;
    }
}
