package io.skyport.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.skyport.app.ModuleLoader.ModuleException;
import io.skyport.app.ModuleLoader.ModuleSpec;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.core.settings.SettingService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Setting;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Module discovery and start-up. Each test puts module descriptors in temp directories and
 * reads them through a class loader that sees only those directories, so the real modules on
 * the test class path do not interfere.
 */
public class ModuleLoaderTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final List<AnnotationConfigApplicationContext> contexts = new ArrayList<>();

    @After
    public void close() throws IOException {
        contexts.forEach(AnnotationConfigApplicationContext::close);
        for (URLClassLoader l : loaders) {
            l.close();
        }
    }

    /** A directory holding {@code META-INF/skyport/module.properties} with the given lines. */
    private Path module(String... lines) throws IOException {
        Path dir = tmp.newFolder().toPath();
        Path file = dir.resolve(ModuleLoader.DESCRIPTOR);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return dir;
    }

    private Path module(String name, String parent, int order) throws IOException {
        return parent == null
                ? module("name=" + name, "order=" + order, "config=" + LeafConfig.class.getName())
                : module("name=" + name, "parent=" + parent, "order=" + order, "config=" + LeafConfig.class.getName());
    }

    /** Descriptors only from {@code dirs}; classes from the test class path (for config classes). */
    private ModuleLoader loaderOver(Path... dirs) throws IOException {
        URL[] urls = new URL[dirs.length];
        for (int i = 0; i < dirs.length; i++) {
            urls[i] = dirs[i].toUri().toURL();
        }
        URLClassLoader isolated = new URLClassLoader(urls, null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                return ModuleLoaderTest.class.getClassLoader().loadClass(name);
            }
        };
        loaders.add(isolated);
        return new ModuleLoader(isolated);
    }

    private static List<String> names(List<ModuleSpec> specs) {
        return specs.stream().map(ModuleSpec::name).toList();
    }

    private static ModuleException failure(Runnable r) {
        try {
            r.run();
        } catch (ModuleException e) {
            return e;
        }
        fail("expected a ModuleException");
        return null;
    }

    @Test
    public void parentsComeBeforeChildrenThenByOrderThenName() throws IOException {
        ModuleLoader loader = loaderOver(module("gce", "api", 10), module("core", null, 50), module("api", "core", 90),
                module("simulator", "core", 20), module("ec2", "api", 10), module("ui", null, 5));
        assertEquals(List.of("ui", "core", "simulator", "api", "ec2", "gce"), names(loader.discover()));
    }

    @Test
    public void descriptorFieldsAreRead() throws IOException {
        Path dir = module("name= sim ", "parent=core", "order= 7", "config=" + LeafConfig.class.getName());
        ModuleSpec sim = loaderOver(module("core", null, 1), dir).discover().get(1);
        assertEquals("sim", sim.name());
        assertEquals("core", sim.parent());
        assertEquals(7, sim.order());
        assertEquals(LeafConfig.class.getName(), sim.configClass());
        assertTrue(sim.source().toString(), sim.source().toString().startsWith(dir.toUri().toURL().toString()));
    }

    @Test
    public void unknownParentFailsNamingTheModuleAndTheParent() throws IOException {
        ModuleLoader loader = loaderOver(module("core", null, 1), module("ec2", "api", 10));
        ModuleException e = failure(loader::discover);
        assertTrue(e.getMessage(), e.getMessage().contains("module ec2"));
        assertTrue(e.getMessage(), e.getMessage().contains("api"));
    }

    @Test
    public void aParentCycleFailsNamingItsMembers() throws IOException {
        ModuleLoader loader = loaderOver(module("core", null, 1), module("a", "b", 10), module("b", "c", 10),
                module("c", "a", 10));
        ModuleException e = failure(loader::discover);
        assertTrue(e.getMessage(), e.getMessage().contains("cycle"));
        for (String m : new String[] {"a", "b", "c"}) {
            assertTrue(e.getMessage(), e.getMessage().contains(m));
        }
        assertTrue("core is not part of the cycle: " + e.getMessage(), !e.getMessage().contains("core"));
    }

    @Test
    public void aModuleDefinedTwiceFailsNamingBothSources() throws IOException {
        Path first = module("ec2", null, 10);
        Path second = module("ec2", null, 20);
        ModuleException e = failure(loaderOver(first, second)::discover);
        assertTrue(e.getMessage(), e.getMessage().contains("module ec2"));
        assertTrue(e.getMessage(), e.getMessage().contains(first.toUri().toURL().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(second.toUri().toURL().toString()));
    }

    @Test
    public void aDescriptorWithoutConfigOrWithABadOrderFails() throws IOException {
        ModuleException noConfig = failure(loaderOver(module("name=lonely"))::discover);
        assertTrue(noConfig.getMessage(), noConfig.getMessage().contains("must define name and config"));
        ModuleException badOrder = failure(loaderOver(module("name=odd", "order=first",
                "config=" + LeafConfig.class.getName()))::discover);
        assertTrue(badOrder.getMessage(), badOrder.getMessage().contains("module odd"));
    }

    /** The root context the loader expects: registry, catalog and the settings service. */
    private static GenericApplicationContext root(SettingService settings) {
        GenericApplicationContext root = new GenericApplicationContext();
        root.registerBean(ModuleRegistry.class, ModuleRegistry::new);
        root.registerBean(CommandCatalog.class, CommandCatalog::new);
        root.registerBean(SettingService.class, () -> settings);
        root.refresh();
        return root;
    }

    @Test
    public void aMissingConfigurationClassFailsNamingTheModule() throws IOException {
        ModuleLoader loader = loaderOver(module("name=ghost", "config=io.skyport.nowhere.GhostConfig"));
        List<ModuleSpec> specs = loader.discover();
        try (GenericApplicationContext root = root(mock(SettingService.class))) {
            ModuleException e = failure(() -> contexts.addAll(loader.load(root, specs)));
            assertTrue(e.getMessage(), e.getMessage().contains("module ghost"));
            assertTrue(e.getMessage(), e.getMessage().contains("io.skyport.nowhere.GhostConfig"));
        }
    }

    @Test
    public void modulesStartUnderTheirParentAndContributeCommandsAndSettings() throws IOException {
        ModuleLoader loader = loaderOver(module("name=base", "order=1", "config=" + BaseConfig.class.getName()),
                module("leaf", "base", 2));
        SettingService settings = mock(SettingService.class);
        try (GenericApplicationContext root = root(settings)) {
            List<AnnotationConfigApplicationContext> started = loader.load(root, loader.discover());
            contexts.addAll(started);
            assertEquals(2, started.size());
            assertSame(started.get(0), started.get(1).getParent());
            assertNotNull("a child sees its parent's beans", started.get(1).getBean(Setting.class));
            assertTrue(root.getBean(CommandCatalog.class).find("native", "PINGTEST").isPresent());
            assertEquals(List.of("base", "leaf"), root.getBean(ModuleRegistry.class).modules().stream()
                    .map(ModuleRegistry.LoadedModule::name).toList());
            verify(settings).declare(started.get(0).getBean(Setting.class));
        }
    }

    /** A module configuration with one setting and one command. */
    @Configuration
    public static class BaseConfig {
        @Bean
        public Setting<Boolean> pingEnabled() {
            return Setting.bool("ping.test.enabled", true, "test setting", "Advanced", Setting.Scope.GLOBAL);
        }

        @Bean
        public PingTest pingTest() {
            return new PingTest();
        }
    }

    /** A module configuration contributing nothing. */
    @Configuration
    public static class LeafConfig {
    }

    @ApiCommand(name = "pingTest", description = "test command")
    public static class PingTest implements ApiOperation {
        @Override
        public Object execute(CallContext ctx) {
            return null;
        }
    }
}
