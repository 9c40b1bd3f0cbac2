package io.skyport.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of {@code --commands}: a command name with optional fixed parameters, written like
 * a query string, e.g. {@code listAccounts} or {@code listAccounts?listall=true}.
 */
record CommandSpec(String label, String command, Map<String, String> params) {

    static CommandSpec parse(String text) {
        String spec = text.trim();
        int q = spec.indexOf('?');
        String command = q < 0 ? spec : spec.substring(0, q);
        if (command.isEmpty() || !command.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("not a command name: '" + text + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : spec.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new CommandSpec(spec, command, Collections.unmodifiableMap(params));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
