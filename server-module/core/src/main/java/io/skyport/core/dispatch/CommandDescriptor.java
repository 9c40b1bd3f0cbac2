package io.skyport.core.dispatch;

import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.Param;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A registered operation: its declaration (annotation and parameter fields, including those
 * inherited from base classes) and a factory of fresh instances.
 */
public record CommandDescriptor(String module, ApiCommand command, Class<?> type, List<ParamField> params,
                                Supplier<ApiOperation> factory) {

    /** One declared parameter and the field it binds to. */
    public record ParamField(Param param, Field field) {
    }

    public static CommandDescriptor of(String module, Class<?> type, Supplier<ApiOperation> factory) {
        ApiCommand cmd = type.getAnnotation(ApiCommand.class);
        if (cmd == null) {
            throw new IllegalArgumentException(type.getName() + " has no @ApiCommand");
        }
        if (!ApiOperation.class.isAssignableFrom(type)) {
            throw new IllegalStateException("module " + module + ": " + type.getName()
                    + " is annotated @ApiCommand but does not implement ApiOperation");
        }
        List<ParamField> params = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p == null) {
                    continue;
                }
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                    throw new IllegalStateException("module " + module + ": parameter field " + type.getName() + "."
                            + f.getName() + " must be an instance field that is not final");
                }
                f.setAccessible(true);
                params.add(new ParamField(p, f));
            }
        }
        return new CommandDescriptor(module, cmd, type, List.copyOf(params), factory);
    }

    public String name() {
        return command.name();
    }
}
