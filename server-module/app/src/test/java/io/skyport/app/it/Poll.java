package io.skyport.app.it;

import java.util.function.Supplier;

/** Waiting in tests for something the server settles in the background (events, checks, reconciliation). */
final class Poll {
    private Poll() {
    }

    /** Polls every 100 ms until the value is the expected one or the time is up; returns the last value seen. */
    static <T> T until(T expected, long millis, Supplier<T> value) throws InterruptedException {
        return until(expected, millis, 100, value);
    }

    /** Polls every {@code everyMillis} until the value is the expected one or the time is up; returns the last seen. */
    static <T> T until(T expected, long millis, long everyMillis, Supplier<T> value) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        T seen = value.get();
        while (!expected.equals(seen) && System.currentTimeMillis() < deadline) {
            Thread.sleep(everyMillis);
            seen = value.get();
        }
        return seen;
    }
}
