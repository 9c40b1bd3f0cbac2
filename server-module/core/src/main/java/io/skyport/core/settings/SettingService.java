package io.skyport.core.settings;

import io.skyport.core.db.Db;
import io.skyport.core.event.EventService;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Setting;
import io.skyport.plugin.SettingReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settings modules declare, their stored values, and validation on update. Reads are
 * cached briefly so a switch changed on another node takes effect within seconds.
 */
public class SettingService implements SettingReader {
    private static final long CACHE_MILLIS = 2_000;
    private final JdbcTemplate jdbc;
    private final EventService events;
    private final Map<String, Setting<?>> declared = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<String> value, long loadedAt) {
    }

    public SettingService(JdbcTemplate jdbc, EventService events) {
        this.jdbc = jdbc;
        this.events = events;
        CoreSettings.all().forEach(this::declare);
    }

    public void declare(Setting<?> s) {
        Setting<?> previous = declared.putIfAbsent(s.name(), s);
        if (previous != null && previous != s) {
            throw new IllegalStateException("setting " + s.name() + " is declared twice");
        }
    }

    public Collection<Setting<?>> declared() {
        return declared.values();
    }

    public Optional<Setting<?>> find(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    @Override
    public <T> T get(Setting<T> setting) {
        return get(setting, Setting.Scope.GLOBAL, 0);
    }

    @Override
    public <T> T get(Setting<T> setting, Setting.Scope scope, long scopeId) {
        Optional<String> raw = stored(setting.name(), scope, scopeId);
        if (raw.isEmpty() && scope != Setting.Scope.GLOBAL) {
            raw = stored(setting.name(), Setting.Scope.GLOBAL, 0);
        }
        return setting.parse(raw.orElse(setting.defaultValue()));
    }

    /** Current raw value (stored or default) for listConfigurations. */
    public String rawValue(Setting<?> setting, Setting.Scope scope, long scopeId) {
        return stored(setting.name(), scope, scopeId)
                .or(() -> stored(setting.name(), Setting.Scope.GLOBAL, 0)).orElse(setting.defaultValue());
    }

    private Optional<String> stored(String name, Setting.Scope scope, long scopeId) {
        String key = name + "|" + scope + "|" + scopeId;
        long now = System.currentTimeMillis();
        Cached c = cache.get(key);
        if (c != null && now - c.loadedAt() < CACHE_MILLIS) {
            return c.value();
        }
        Optional<String> v = jdbc.queryForList("SELECT setting_value FROM settings WHERE name = ? AND scope = ? AND scope_id = ?",
                String.class, name, scope.name(), scopeId).stream().findFirst();
        cache.put(key, new Cached(v, now));
        return v;
    }

    public Setting<?> update(CallContext caller, String name, String value, Setting.Scope scope, long scopeId) {
        if (!caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only root administrators may change settings");
        }
        Setting<?> s = find(name).orElseThrow(() -> new ApiException(ApiError.PARAM_ERROR,
                "Configuration " + name + " does not exist"));
        if (scope != Setting.Scope.GLOBAL && s.scope() != scope) {
            throw new ApiException(ApiError.PARAM_ERROR, "Configuration " + name + " cannot be set at "
                    + scope.name().toLowerCase() + " scope");
        }
        if (value == null) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to execute API command updateconfiguration due to "
                    + "missing parameter value");
        }
        try {
            s.parse(value);
        } catch (RuntimeException e) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for configuration " + name + ": " + value);
        }
        int n = jdbc.update("UPDATE settings SET setting_value = ?, updated = ? WHERE name = ? AND scope = ? AND scope_id = ?",
                value, Db.ts(Instant.now()), name, scope.name(), scopeId);
        if (n == 0) {
            jdbc.update("INSERT INTO settings (name, scope, scope_id, setting_value, updated) VALUES (?, ?, ?, ?, ?)",
                    name, scope.name(), scopeId, value, Db.ts(Instant.now()));
        }
        cache.remove(name + "|" + scope + "|" + scopeId);
        events.record(caller, "CONFIGURATION.VALUE.EDIT", "Setting " + name + " changed", "Configuration", null);
        return s;
    }

    /** Declared settings filtered by name, keyword and category, sorted by name. */
    public List<Setting<?>> search(String name, String keyword, String category) {
        List<Setting<?>> out = new ArrayList<>();
        for (Setting<?> s : declared.values()) {
            if (name != null && !s.name().equals(name)) {
                continue;
            }
            if (keyword != null && !s.name().contains(keyword)) {
                continue;
            }
            if (category != null && !s.category().equalsIgnoreCase(category)) {
                continue;
            }
            out.add(s);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
