package io.skyport.core.module;

import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.EntityResolver;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.MetadataEndpoint;
import io.skyport.plugin.StartupHook;
import io.skyport.plugin.UiPanel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the loaded modules contribute, gathered once by the module loader after every module
 * context is up. Lookups are by the small plugin-api interfaces only.
 */
public class ModuleRegistry {
    /** A loaded module, for listings and the startup banner. */
    public record LoadedModule(String name, String parent, int order, String configClass) {
    }

    private final List<LoadedModule> modules = new ArrayList<>();
    private final List<ApiEndpoint> endpoints = new ArrayList<>();
    private final List<MetadataEndpoint> metadataEndpoints = new ArrayList<>();
    private final Map<String, HypervisorDriver> drivers = new LinkedHashMap<>();
    private final List<UiPanel> panels = new ArrayList<>();
    private final Map<String, EntityResolver> resolvers = new LinkedHashMap<>();
    private final List<StartupHook> startupHooks = new ArrayList<>();
    private final List<io.skyport.plugin.FirstStartClientSetup> clientSetups = new ArrayList<>();

    public synchronized void addClientSetup(io.skyport.plugin.FirstStartClientSetup s) {
        clientSetups.add(s);
    }

    public synchronized List<io.skyport.plugin.FirstStartClientSetup> clientSetups() {
        return List.copyOf(clientSetups);
    }

    public synchronized void addStartupHook(StartupHook h) {
        startupHooks.add(h);
    }

    /** Hooks in run order. */
    public synchronized List<StartupHook> startupHooks() {
        List<StartupHook> out = new ArrayList<>(startupHooks);
        out.sort(java.util.Comparator.comparingInt(StartupHook::order));
        return out;
    }

    public synchronized void addModule(LoadedModule m) {
        modules.add(m);
    }

    public synchronized void addEndpoint(ApiEndpoint e) {
        endpoints.add(e);
    }

    public synchronized void addDriver(String module, HypervisorDriver d) {
        HypervisorDriver prev = drivers.putIfAbsent(d.hypervisorType().toLowerCase(), d);
        if (prev != null) {
            throw new IllegalStateException("module " + module + " registers hypervisor " + d.hypervisorType()
                    + ", which another module already provides");
        }
    }

    public synchronized void addMetadataEndpoint(MetadataEndpoint e) {
        metadataEndpoints.add(e);
    }

    /** The metadata services, served on the metadata listener only. */
    public synchronized List<MetadataEndpoint> metadataEndpoints() {
        return List.copyOf(metadataEndpoints);
    }

    public synchronized void addPanel(UiPanel p) {
        panels.add(p);
    }

    public synchronized void addResolver(String module, EntityResolver r) {
        EntityResolver prev = resolvers.putIfAbsent(r.entity(), r);
        if (prev != null) {
            throw new IllegalStateException("module " + module + " registers a resolver for entity " + r.entity()
                    + ", which is already registered");
        }
    }

    public synchronized List<LoadedModule> modules() {
        return Collections.unmodifiableList(new ArrayList<>(modules));
    }

    public synchronized List<ApiEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public synchronized Optional<HypervisorDriver> driver(String hypervisorType) {
        return Optional.ofNullable(drivers.get(hypervisorType.toLowerCase()));
    }

    public synchronized List<HypervisorDriver> drivers() {
        return List.copyOf(drivers.values());
    }

    public synchronized List<UiPanel> panels() {
        return List.copyOf(panels);
    }

    public synchronized Optional<EntityResolver> resolver(String entity) {
        return Optional.ofNullable(resolvers.get(entity));
    }
}
