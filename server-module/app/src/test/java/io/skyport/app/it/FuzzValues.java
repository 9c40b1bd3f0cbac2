package io.skyport.app.it;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile parameter values from a seeded generator: right and wrong types, huge numbers, long and
 * odd strings, and (from a pool the test fills) real ids, so some requests get past validation.
 */
final class FuzzValues {
    private static final String[] ODD = {"", " ", "null", "undefined", "-1", "0", "NaN", "1e309", "true", "[]", "{}",
        "'; DROP TABLE vms; --", "\" OR 1=1 --", "<x>&amp;</x>", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd",
        "%00", "\u0000", "\r\nX-Injected: 1", "\uD83D\uDE00", "\u202Eevil", "a,b,,c", "*", "?", "#", "&", "=",
        "198.18.0.1", "169.254.0.0/16", "0.0.0.0/0", "300.1.1.1/40", "ffff::/129", "2016-11-15", "i-00000000000000000",
        "sg-0", "vol-zzzz", "eipalloc-1", "ami-", "key-", "projects/x", "zones/none", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "0x7fffffff", "1.5", "+1", " 1", "01"};
    private final Random random;
    private final List<String> ids;

    FuzzValues(Random random, List<String> ids) {
        this.random = random;
        this.ids = ids;
    }

    Random random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A value for a parameter of that (native wire) type: usually plausible, often not. */
    String of(String type) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return any();
        }
        return switch (type == null ? "string" : type) {
            case "uuid" -> roll < 5 && !ids.isEmpty() ? pick(ids) : roll < 8 ? UUID.randomUUID().toString() : any();
            case "integer", "short", "long" -> number();
            case "boolean" -> roll < 7 ? String.valueOf(random.nextBoolean()) : pickOdd();
            case "date" -> roll < 5 ? "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) : any();
            case "list" -> roll < 5 && !ids.isEmpty() ? pick(ids) + "," + pick(ids) : any() + "," + any();
            default -> any();
        };
    }

    String number() {
        return switch (random.nextInt(8)) {
            case 0 -> String.valueOf(random.nextInt(10));
            case 1 -> String.valueOf(random.nextInt());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> "99999999999999999999999999999";
            case 4 -> "-" + random.nextInt(100000);
            case 5 -> String.valueOf(random.nextDouble() * 1e6);
            case 6 -> word(1 + random.nextInt(5));
            default -> pickOdd();
        };
    }

    /** Any string: odd literals, words, long runs, random Unicode (the surrogate pairs whole). */
    String any() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pickOdd();
            case 2 -> word(1 + random.nextInt(12));
            case 3 -> "x".repeat(random.nextInt(3) == 0 ? 70_000 : 300 + random.nextInt(3000));
            case 4 -> unicode(1 + random.nextInt(20));
            default -> UUID.randomUUID().toString();
        };
    }

    String pickOdd() {
        return ODD[random.nextInt(ODD.length)];
    }

    String word(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    String unicode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(5) == 0 ? 0x1F300 + random.nextInt(200) : 0x20 + random.nextInt(0x2FFF);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 'a';
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** A broken percent-encoding or byte sequence to splice into an encoded query or path. */
    String brokenEscape() {
        String[] broken = {"%", "%z", "%zz", "%G0", "%C3%28", "%E2%82", "%F0%9F%98", "%FF%FE", "%C0%AF", "%ED%A0%80",
            "%%", "%2", "%u0041", "%00", "%0", "%25%", "%E0%80%80"};
        return broken[random.nextInt(broken.length)];
    }
}
