package io.skyport.core.dispatch;

import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.EntityResolver;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds raw request parameters (names lower-cased) onto an operation's {@code @Param} fields,
 * converting and checking each value. A bad value becomes a {@link ParamException} that each
 * protocol renders in its own error format.
 */
public class ParamBinder {
    private static final Pattern MAP_KEY = Pattern.compile("([a-z0-9_]+)\\[(\\d{1,4})]\\.([a-z0-9_]+)");
    private final ModuleRegistry registry;

    public ParamBinder(ModuleRegistry registry) {
        this.registry = registry;
    }

    /** A parameter that is missing or has a value that is not acceptable. */
    public static final class ParamException extends RuntimeException {
        private final String param;
        private final String value;
        private final boolean missing;

        public ParamException(String param, String value, boolean missing, String detail) {
            super(detail);
            this.param = param;
            this.value = value;
            this.missing = missing;
        }

        public String param() {
            return param;
        }

        public String value() {
            return value;
        }

        public boolean missing() {
            return missing;
        }
    }

    public void bind(Object target, CommandDescriptor d, Map<String, String> raw, CallContext caller) {
        for (CommandDescriptor.ParamField pf : d.params()) {
            Param p = pf.param();
            Object value = p.type() == ParamType.MAP ? mapValue(p.name(), raw) : scalar(p, raw.get(p.name()), caller);
            if (value == null) {
                if (p.required()) {
                    throw new ParamException(p.name(), null, true, "missing parameter " + p.name());
                }
                continue;
            }
            try {
                pf.field().set(target, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot bind " + p.name() + " on " + d.type().getName(), e);
            }
        }
    }

    private Object scalar(Param p, String v, CallContext caller) {
        if (v == null || (v.isEmpty() && p.type() != ParamType.STRING)) {
            return null;
        }
        if (v.length() > Math.max(p.length(), p.type() == ParamType.LIST ? 65_535 : 0)) {
            throw invalid(p, v, "value is longer than " + p.length() + " characters");
        }
        return switch (p.type()) {
            case STRING -> v;
            case UUID -> uuid(p, v, caller);
            case INTEGER -> integer(p, v);
            case SHORT -> (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, integer(p, v)));
            case LONG -> longValue(p, v);
            case BOOLEAN -> bool(p, v);
            case DATE -> date(p, v);
            case LIST -> list(p, v, caller);
            case MAP -> throw new IllegalStateException("maps are bound from indexed keys");
        };
    }

    private Object uuid(Param p, String v, CallContext caller) {
        try {
            UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw invalid(p, v, "not a UUID");
        }
        if (p.entity().isEmpty()) {
            return v;
        }
        EntityResolver r = registry.resolver(p.entity()).orElseThrow(() ->
                new IllegalStateException("no resolver for entity " + p.entity()));
        return r.resolve(v, caller).orElseThrow(() -> invalid(p, v, "entity does not exist"));
    }

    private static Integer integer(Param p, String v) {
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(p, v, "not an integer");
        }
    }

    private static Long longValue(Param p, String v) {
        try {
            return Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(p, v, "not a number");
        }
    }

    private static Boolean bool(Param p, String v) {
        if ("true".equalsIgnoreCase(v)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(v)) {
            return Boolean.FALSE;
        }
        throw invalid(p, v, "not a boolean");
    }

    private static OffsetDateTime date(Param p, String v) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"), DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
            try {
                return OffsetDateTime.parse(v, f);
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        try {
            return java.time.LocalDate.parse(v).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(p, v, "not a date");
        }
    }

    private List<Object> list(Param p, String v, CallContext caller) {
        List<Object> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (out.size() >= 1000) {
                throw invalid(p, v, "too many items");
            }
            if (p.collectionType() == ParamType.UUID) {
                out.add(uuid(p, item, caller));
            } else if (p.collectionType() == ParamType.LONG) {
                out.add(longValue(p, item));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** {@code tags[0].key=a&tags[0].value=b} becomes [{key=a, value=b}], in index order. */
    private static List<Map<String, String>> mapValue(String name, Map<String, String> raw) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!e.getKey().startsWith(name + "[")) {
                continue;
            }
            Matcher m = MAP_KEY.matcher(e.getKey());
            if (m.matches() && m.group(1).equals(name)) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(2)), i -> new LinkedHashMap<>())
                        .put(m.group(3), e.getValue());
            }
        }
        return byIndex.isEmpty() ? null : new ArrayList<>(byIndex.values());
    }

    private static ParamException invalid(Param p, String v, String detail) {
        return new ParamException(p.name(), v, false, detail);
    }
}
