package io.skyport.gce.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path of compute.proto's HTTP rules, such as {@code projects/{project}/zones/{zone}/instances},
 * matched segment by segment: each variable takes exactly one non-empty segment.
 */
public final class PathTemplate {
    private final String text;
    private final String[] segments;
    private final List<String> variables = new ArrayList<>();

    public PathTemplate(String text) {
        this.text = text;
        this.segments = text.split("/");
        for (String s : segments) {
            if (isVariable(s)) {
                variables.add(s.substring(1, s.length() - 1));
            }
        }
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The variables' values when {@code path} (decoded segments) matches, else empty. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String want = segments[i];
            String got = path.get(i);
            if (isVariable(want)) {
                if (got.isEmpty()) {
                    return Optional.empty();
                }
                values.put(want.substring(1, want.length() - 1), got);
            } else if (!want.equals(got)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** Number of literal segments: where two templates match a path, the one with more wins. */
    public int literalCount() {
        return segments.length - variables.size();
    }

    public List<String> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return text;
    }
}
