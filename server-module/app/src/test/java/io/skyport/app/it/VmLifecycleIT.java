package io.skyport.app.it;

import org.junit.ClassRule;

/** The VM lifecycle scenarios on the embedded H2 database. */
public class VmLifecycleIT extends VmLifecycleScenarios {
    @ClassRule
    public static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
