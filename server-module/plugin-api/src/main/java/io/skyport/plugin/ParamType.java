package io.skyport.plugin;

/** Parameter types as listApis names them. */
public enum ParamType {
    STRING("string"), UUID("uuid"), INTEGER("integer"), LONG("long"), SHORT("short"),
    BOOLEAN("boolean"), LIST("list"), MAP("map"), DATE("date");

    private final String wireName;

    ParamType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
