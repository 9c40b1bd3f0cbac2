package io.skyport.core.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every operation of every API, keyed by API and case-insensitive name. Filled by the module
 * loader; read by each API's endpoint.
 */
public class CommandCatalog {
    private final Map<String, CommandDescriptor> byKey = new ConcurrentHashMap<>();

    private static String key(String api, String name) {
        return api + ":" + name.toLowerCase(Locale.ROOT);
    }

    public void register(CommandDescriptor d) {
        CommandDescriptor prev = byKey.putIfAbsent(key(d.command().api(), d.name()), d);
        if (prev != null) {
            throw new IllegalStateException("module " + d.module() + " registers " + d.command().api() + " command "
                    + d.name() + " (" + d.type().getName() + "), already registered by module " + prev.module()
                    + " (" + prev.type().getName() + ")");
        }
    }

    public Optional<CommandDescriptor> find(String api, String name) {
        if (name == null || name.length() > 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(key(api, name)));
    }

    public List<CommandDescriptor> list(String api) {
        List<CommandDescriptor> out = new ArrayList<>();
        for (CommandDescriptor d : byKey.values()) {
            if (d.command().api().equals(api)) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(CommandDescriptor::name));
        return out;
    }
}
