package io.skyport.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency and failures the simulator injects, per host (or "*" for all hosts) and command:
 * fail the next N calls, delay every call, or take a host down.
 */
public class SimulatorFaults {
    /** Driver commands that can be made to fail or wait. */
    public enum Command { START, STOP, REBOOT, DESTROY, STATUS }

    private record Key(String host, Command command) {
    }

    private final Map<Key, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<Key, Long> delays = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();

    public void failNext(String host, Command c, int times) {
        failures.put(new Key(host, c), new AtomicInteger(times));
    }

    public void delay(String host, Command c, long millis) {
        if (millis <= 0) {
            delays.remove(new Key(host, c));
        } else {
            delays.put(new Key(host, c), millis);
        }
    }

    public void setDown(String host, boolean isDown) {
        if (isDown) {
            down.put(host, true);
        } else {
            down.remove(host);
        }
    }

    public boolean isDown(String host) {
        return down.containsKey(host) || down.containsKey("*");
    }

    public void clear() {
        failures.clear();
        delays.clear();
        down.clear();
    }

    /** Applies configured delay and failure for one call; throws when the call must fail. */
    void before(String host, Command c) {
        if (isDown(host)) {
            throw new IllegalStateException("simulated host " + host + " is down");
        }
        long wait = delays.getOrDefault(new Key(host, c), delays.getOrDefault(new Key("*", c), 0L));
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while simulating latency");
            }
        }
        if (consume(new Key(host, c)) || consume(new Key("*", c))) {
            throw new IllegalStateException("simulated " + c.name().toLowerCase() + " failure on host " + host);
        }
    }

    private boolean consume(Key k) {
        AtomicInteger left = failures.get(k);
        return left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
