package io.skyport.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.skyport.core.dispatch.ParamBinder.ParamException;
import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.EntityResolver;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** Declarative parameter binding: conversion, required parameters, entity UUIDs, maps, lists, limits. */
public class ParamBinderTest {
    private static final String OWN_VM = "6f1c3a52-8d0e-4b7a-9a3c-1d2e3f405162";
    private static final String FOREIGN_VM = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final CallContext CALLER = new CallContext(7, "u-7", 3, "a-3", "alice", 1, "ROOT", Role.USER,
            "127.0.0.1");

    /** A command declaring one parameter of each kind the binder supports. */
    @ApiCommand(name = "bindMe", description = "test command")
    public static class BindMe implements ApiOperation {
        @Param(name = "name", required = true, length = 8)
        String name;
        @Param(name = "count", type = ParamType.INTEGER)
        Integer count;
        @Param(name = "size", type = ParamType.LONG)
        Long size;
        @Param(name = "forced", type = ParamType.BOOLEAN)
        Boolean forced;
        @Param(name = "rawid", type = ParamType.UUID)
        String rawId;
        @Param(name = "virtualmachineid", type = ParamType.UUID, entity = "vm")
        Long vmId;
        @Param(name = "ids", type = ParamType.LIST, collectionType = ParamType.UUID, entity = "vm")
        List<Object> vmIds;
        @Param(name = "names", type = ParamType.LIST)
        List<Object> names;
        @Param(name = "tags", type = ParamType.MAP)
        List<Map<String, String>> tags;

        @Override
        public Object execute(CallContext ctx) {
            return null;
        }
    }

    private EntityResolver vms;
    private ParamBinder binder;
    private CommandDescriptor descriptor;

    @Before
    public void setUp() {
        vms = mock(EntityResolver.class);
        when(vms.entity()).thenReturn("vm");
        when(vms.resolve(anyString(), any())).thenReturn(Optional.empty());
        when(vms.resolve(eq(OWN_VM), eq(CALLER))).thenReturn(Optional.of(42L));
        ModuleRegistry registry = new ModuleRegistry();
        registry.addResolver("test", vms);
        binder = new ParamBinder(registry);
        descriptor = CommandDescriptor.of("test", BindMe.class, BindMe::new);
    }

    private BindMe bind(String... kv) {
        Map<String, String> raw = new HashMap<>();
        raw.put("name", "web");
        for (int i = 0; i < kv.length; i += 2) {
            raw.put(kv[i], kv[i + 1]);
        }
        BindMe target = new BindMe();
        binder.bind(target, descriptor, raw, CALLER);
        return target;
    }

    /** Binds and expects a ParamException; returns it for the caller's assertions. */
    private ParamException rejected(Map<String, String> raw) {
        try {
            binder.bind(new BindMe(), descriptor, raw, CALLER);
        } catch (ParamException e) {
            return e;
        }
        fail("expected a ParamException for " + raw);
        return null;
    }

    private ParamException rejected(String param, String value) {
        Map<String, String> raw = new HashMap<>();
        raw.put("name", "web");
        raw.put(param, value);
        ParamException e = rejected(raw);
        assertEquals(param, e.param());
        assertEquals(value, e.value());
        assertFalse(param + " is present, so it is invalid, not missing", e.missing());
        return e;
    }

    @Test
    public void convertsEachType() {
        BindMe b = bind("count", " 12 ", "size", "9000000000", "forced", "TRUE", "rawid", OWN_VM.toUpperCase());
        assertEquals("web", b.name);
        assertEquals(Integer.valueOf(12), b.count);
        assertEquals(Long.valueOf(9_000_000_000L), b.size);
        assertEquals(Boolean.TRUE, b.forced);
        assertEquals(OWN_VM.toUpperCase(), b.rawId);
        assertEquals(Boolean.FALSE, bind("forced", "false").forced);
    }

    @Test
    public void missingRequiredParameterIsMissing() {
        ParamException e = rejected(new HashMap<>(Map.of("count", "1")));
        assertTrue(e.missing());
        assertEquals("name", e.param());
        assertNull(e.value());
    }

    @Test
    public void emptyValueOfATypedParameterCountsAsAbsent() {
        BindMe b = bind("count", "", "forced", "");
        assertNull(b.count);
        assertNull(b.forced);
    }

    @Test
    public void badIntegerLongBooleanAndUuidAreInvalid() {
        rejected("count", "twelve");
        rejected("count", "99999999999");
        rejected("size", "1.5");
        rejected("forced", "yes");
        rejected("rawid", "not-a-uuid");
        rejected("virtualmachineid", "not-a-uuid");
    }

    @Test
    public void entityUuidResolvesToTheInternalId() {
        assertEquals(Long.valueOf(42), bind("virtualmachineid", OWN_VM).vmId);
        verify(vms).resolve(OWN_VM, CALLER);
    }

    /** Another tenant's VM and a VM that does not exist look the same: both invalid, nothing leaks. */
    @Test
    public void foreignOrUnknownEntityIsInvalid() {
        ParamException foreign = rejected("virtualmachineid", FOREIGN_VM);
        ParamException unknown = rejected("virtualmachineid", "00000000-0000-0000-0000-000000000000");
        assertEquals(foreign.getMessage(), unknown.getMessage());
    }

    @Test
    public void malformedUuidIsRejectedBeforeTheResolverIsAsked() {
        rejected("virtualmachineid", "42");
        verify(vms, never()).resolve(eq("42"), any());
    }

    @Test
    public void mapParametersAreGroupedByIndexInNumericOrder() {
        BindMe b = bind("tags[10].key", "k10", "tags[10].value", "v10", "tags[2].key", "k2", "tags[2].value", "v2",
                "tags[0].key", "env", "tags[0].value", "prod", "tagsx[0].key", "other", "tags[1]key", "malformed");
        assertEquals(List.of(Map.of("key", "env", "value", "prod"), Map.of("key", "k2", "value", "v2"),
                Map.of("key", "k10", "value", "v10")), b.tags);
        assertNull("no indexed keys, no map", bind().tags);
    }

    @Test
    public void listParametersAreSplitTrimmedAndConverted() {
        assertEquals(List.of("a", "b", "c"), bind("names", " a,b ,,c ").names);
        assertEquals(List.of(42L), bind("ids", OWN_VM).vmIds);
        // the error names the one item that failed, not the whole list
        ParamException e = rejected(new HashMap<>(Map.of("name", "web", "ids", OWN_VM + "," + FOREIGN_VM)));
        assertEquals("ids", e.param());
        assertEquals(FOREIGN_VM, e.value());
        assertFalse(e.missing());
    }

    @Test
    public void valuesLongerThanTheDeclaredLengthAreInvalid() {
        assertEquals("12345678", bind("name", "12345678").name);
        ParamException e = rejected("name", "123456789");
        assertTrue(e.getMessage(), e.getMessage().contains("8"));
    }

    @Test
    public void listsMayBeLongerThanAScalarButNotWithoutLimit() {
        StringBuilder many = new StringBuilder("n0");
        for (int i = 1; i < 1000; i++) {
            many.append(",n").append(i);
        }
        assertEquals(1000, bind("names", many.toString()).names.size());
        rejected("names", many + ",n1000");
        rejected("names", "x".repeat(65_536));
    }
}
