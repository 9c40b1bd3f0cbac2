package io.skyport.app;

import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiEndpoint;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.EntityResolver;
import io.skyport.plugin.HypervisorDriver;
import io.skyport.plugin.MetadataEndpoint;
import io.skyport.plugin.Setting;
import io.skyport.plugin.FirstStartClientSetup;
import io.skyport.plugin.StartupHook;
import io.skyport.plugin.UiPanel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Finds every {@code META-INF/skyport/module.properties} on the class path, orders the modules
 * so each comes after its parent, builds one child Spring context per module under its
 * parent's, and registers what each contributes. A broken or duplicate module stops startup
 * with a message that names it.
 */
public final class ModuleLoader {
    private static final Logger LOG = LogManager.getLogger(ModuleLoader.class);
    public static final String DESCRIPTOR = "META-INF/skyport/module.properties";

    /** A module descriptor as read from its jar. */
    public record ModuleSpec(String name, String parent, int order, String configClass, URL source) {
    }

    /** Startup failure caused by one module. */
    public static final class ModuleException extends RuntimeException {
        public ModuleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ClassLoader classLoader;

    public ModuleLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public List<ModuleSpec> discover() {
        Map<String, ModuleSpec> byName = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = classLoader.getResources(DESCRIPTOR);
            while (urls.hasMoreElements()) {
                ModuleSpec spec = read(urls.nextElement());
                ModuleSpec prev = byName.putIfAbsent(spec.name(), spec);
                if (prev != null) {
                    throw new ModuleException("module " + spec.name() + " is defined twice: in " + prev.source()
                            + " and in " + spec.source(), null);
                }
            }
        } catch (IOException e) {
            throw new ModuleException("cannot scan the class path for modules: " + e.getMessage(), e);
        }
        return order(byName);
    }

    private static ModuleSpec read(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new ModuleException("cannot read module descriptor " + url + ": " + e.getMessage(), e);
        }
        String name = p.getProperty("name");
        String config = p.getProperty("config");
        if (name == null || name.isBlank() || config == null || config.isBlank()) {
            throw new ModuleException("module descriptor " + url + " must define name and config", null);
        }
        int order;
        try {
            order = Integer.parseInt(p.getProperty("order", "100").trim());
        } catch (NumberFormatException e) {
            throw new ModuleException("module " + name + ": order is not a number", e);
        }
        String parent = p.getProperty("parent");
        return new ModuleSpec(name.trim(), parent == null || parent.isBlank() ? null : parent.trim(), order,
                config.trim(), url);
    }

    /** Parents before children; among ready modules, by order then name. Cycles and unknown parents fail. */
    static List<ModuleSpec> order(Map<String, ModuleSpec> byName) {
        for (ModuleSpec s : byName.values()) {
            if (s.parent() != null && !byName.containsKey(s.parent())) {
                throw new ModuleException("module " + s.name() + " needs parent module " + s.parent()
                        + ", which is not on the class path", null);
            }
        }
        List<ModuleSpec> out = new ArrayList<>();
        List<ModuleSpec> pending = new ArrayList<>(byName.values());
        pending.sort(Comparator.comparingInt(ModuleSpec::order).thenComparing(ModuleSpec::name));
        while (!pending.isEmpty()) {
            ModuleSpec ready = pending.stream()
                    .filter(s -> s.parent() == null || out.stream().anyMatch(o -> o.name().equals(s.parent())))
                    .findFirst()
                    .orElseThrow(() -> new ModuleException("modules " + pending.stream().map(ModuleSpec::name).toList()
                            + " form a parent cycle", null));
            out.add(ready);
            pending.remove(ready);
        }
        return out;
    }

    /** Builds the module contexts under {@code root}; returns them in start order. */
    public List<AnnotationConfigApplicationContext> load(ApplicationContext root, List<ModuleSpec> specs) {
        Map<String, AnnotationConfigApplicationContext> contexts = new HashMap<>();
        List<AnnotationConfigApplicationContext> started = new ArrayList<>();
        ModuleRegistry registry = root.getBean(ModuleRegistry.class);
        CommandCatalog catalog = root.getBean(CommandCatalog.class);
        try {
            for (ModuleSpec spec : specs) {
                AnnotationConfigApplicationContext ctx = build(root, contexts, spec);
                contexts.put(spec.name(), ctx);
                started.add(ctx);
                registry.addModule(new ModuleRegistry.LoadedModule(spec.name(), spec.parent(), spec.order(),
                        spec.configClass()));
            }
            for (ModuleSpec spec : specs) {
                contribute(spec.name(), contexts.get(spec.name()), registry, catalog);
            }
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            throw e;
        }
        return started;
    }

    private AnnotationConfigApplicationContext build(ApplicationContext root,
                                                     Map<String, AnnotationConfigApplicationContext> contexts,
                                                     ModuleSpec spec) {
        Class<?> config;
        try {
            config = Class.forName(spec.configClass(), true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ModuleException("module " + spec.name() + ": configuration class " + spec.configClass()
                    + " cannot be loaded (" + e + ")", e);
        }
        AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext();
        ctx.setDisplayName("module " + spec.name());
        ctx.setClassLoader(classLoader);
        ctx.setParent(spec.parent() == null ? root : contexts.get(spec.parent()));
        ctx.register(config);
        try {
            ctx.refresh();
        } catch (RuntimeException e) {
            ctx.close();
            throw new ModuleException("module " + spec.name() + " failed to start: " + rootCause(e), e);
        }
        LOG.info("module {} started (parent {}, config {})", spec.name(), spec.parent(), spec.configClass());
        return ctx;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void contribute(String module, AnnotationConfigApplicationContext ctx, ModuleRegistry registry,
                                   CommandCatalog catalog) {
        try {
            SettingService settings = ctx.getBean(SettingService.class);
            for (Setting s : ctx.getBeansOfType(Setting.class, false, false).values()) {
                settings.declare(s);
            }
            ctx.getBeansOfType(ApiEndpoint.class, false, false).values().forEach(registry::addEndpoint);
            ctx.getBeansOfType(MetadataEndpoint.class, false, false).values().forEach(registry::addMetadataEndpoint);
            ctx.getBeansOfType(HypervisorDriver.class, false, false).values().forEach(d -> registry.addDriver(module, d));
            ctx.getBeansOfType(UiPanel.class, false, false).values().forEach(registry::addPanel);
            ctx.getBeansOfType(EntityResolver.class, false, false).values().forEach(r -> registry.addResolver(module, r));
            ctx.getBeansOfType(StartupHook.class, false, false).values().forEach(registry::addStartupHook);
            ctx.getBeansOfType(FirstStartClientSetup.class, false, false).values().forEach(registry::addClientSetup);
            for (String bean : ctx.getBeanFactory().getBeanDefinitionNames()) {
                if (ctx.getBeanFactory().findAnnotationOnBean(bean, ApiCommand.class, false) == null) {
                    continue;
                }
                Class<?> type = ctx.getType(bean, false);
                catalog.register(CommandDescriptor.of(module, type, () -> (ApiOperation) ctx.getBean(bean)));
            }
        } catch (ModuleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModuleException("module " + module + " contributes an invalid part: " + e.getMessage(), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
