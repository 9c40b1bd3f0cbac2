package io.skyport.app.it;

import org.junit.Assume;

/**
 * Gate for tests that need a real external component (a database server, a stock client). On a
 * developer machine a missing component skips the test with a reason on stderr; in CI
 * ({@code SKYPORT_REQUIRE_LIVE=1}) it fails, so a broken setup cannot pass as a green build.
 */
final class Live {
    static final String REQUIRE_ENV = "SKYPORT_REQUIRE_LIVE";

    private Live() {
    }

    static void require(String component, boolean present, String whyMissing) {
        require(component, present, whyMissing, required());
    }

    /** {@link #require(String, boolean, String)} with the CI switch given, so both modes are testable. */
    static void require(String component, boolean present, String whyMissing, boolean required) {
        if (present) {
            return;
        }
        if (required) {
            throw new AssertionError("live component " + component + " is required (" + REQUIRE_ENV + "=1) but "
                    + "missing: " + whyMissing);
        }
        System.err.println("SKIP live " + component + ": " + whyMissing);
        Assume.assumeTrue(component + " missing: " + whyMissing, false);
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** An environment variable, or the default when it is unset or blank. */
    static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
