package io.skyport.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ServerWarmupTest {
    /** A side that writes down what it is asked, in order. */
    private static final class Recording implements LifecycleSide {
        private final String name;
        private final List<String> calls;

        Recording(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String create(String vmName) {
            calls.add(name + " create " + vmName);
            return name + "-" + vmName;
        }

        @Override
        public void remove(String handle) {
            calls.add(name + " remove " + handle);
        }

        @Override
        public String containerName(String handle) {
            calls.add(name + " name " + handle);
            return handle;
        }

        @Override
        public void clearAway(String handle) {
            calls.add(name + " clear " + handle);
        }
    }

    @Test
    public void everyApiMakesAndRemovesOneInstancePerCycleAndClearsItAway() throws Exception {
        List<String> calls = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        ServerWarmup warm = new ServerWarmup(List.of(new Recording("a", calls), new Recording("b", calls)),
                progress::add).run(2);
        assertEquals(List.of(
                "a create sw0-0", "a name a-sw0-0", "a remove a-sw0-0", "a clear a-sw0-0",
                "b create sw1-0", "b name b-sw1-0", "b remove b-sw1-0", "b clear b-sw1-0",
                "a create sw0-1", "a name a-sw0-1", "a remove a-sw0-1", "a clear a-sw0-1",
                "b create sw1-1", "b name b-sw1-1", "b remove b-sw1-1", "b clear b-sw1-1"), calls);
        assertEquals(2, warm.cycles());
        assertEquals("the last cycle is told", 1, progress.size());
        assertTrue(progress.get(0), progress.get(0).contains("2/2 cycles per API"));
        assertTrue(warm.describe(), warm.describe().contains("ran 2 create-and-remove cycles per API"));
    }

    @Test
    public void noCyclesIsSaidSo() throws Exception {
        ServerWarmup warm = new ServerWarmup(List.of(), l -> { }).run(0);
        assertEquals("The server was not warmed up on simulated hosts first.", warm.describe());
    }
}
