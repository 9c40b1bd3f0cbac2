package io.skyport.plugin;

import java.util.Objects;
import java.util.function.Function;

/**
 * A typed, documented, admin-editable setting declared by a module. Values are stored as
 * strings; the parser turns them into T and rejects bad input before it is saved.
 */
public final class Setting<T> {
    public enum Scope { GLOBAL, ZONE, ACCOUNT }

    private final String name;
    private final String description;
    private final String category;
    private final Scope scope;
    private final Class<T> type;
    private final String defaultValue;
    private final boolean dynamic;
    private final Function<String, T> parser;

    private Setting(String name, String description, String category, Scope scope, Class<T> type,
                    String defaultValue, boolean dynamic, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.category = category;
        this.scope = scope;
        this.type = type;
        this.defaultValue = defaultValue;
        this.dynamic = dynamic;
        this.parser = parser;
        parser.apply(defaultValue);
    }

    public static Setting<Boolean> bool(String name, boolean def, String description, String category, Scope scope) {
        return new Setting<>(name, description, category, scope, Boolean.class, Boolean.toString(def), true, Setting::parseBool);
    }

    public static Setting<Integer> integer(String name, int def, String description, String category, Scope scope) {
        return new Setting<>(name, description, category, scope, Integer.class, Integer.toString(def), true, Integer::valueOf);
    }

    public static Setting<Long> number(String name, long def, String description, String category, Scope scope) {
        return new Setting<>(name, description, category, scope, Long.class, Long.toString(def), true, Long::valueOf);
    }

    public static Setting<String> string(String name, String def, String description, String category, Scope scope) {
        return new Setting<>(name, description, category, scope, String.class, def, true, s -> s);
    }

    private static Boolean parseBool(String s) {
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(s)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: " + s);
    }

    /** Parses a stored or submitted value; throws IllegalArgumentException when it is not a T. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    public String name() { return name; }
    public String description() { return description; }
    public String category() { return category; }
    public Scope scope() { return scope; }
    public Class<T> type() { return type; }
    public String defaultValue() { return defaultValue; }
    public boolean dynamic() { return dynamic; }

    /** Type name as listConfigurations reports it. */
    public String typeName() {
        if (type == Boolean.class) {
            return "Boolean";
        }
        if (type == String.class) {
            return "String";
        }
        return "Number";
    }
}
