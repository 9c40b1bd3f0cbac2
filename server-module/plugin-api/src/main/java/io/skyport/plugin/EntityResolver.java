package io.skyport.plugin;

import java.util.Optional;

/**
 * Turns the external UUID of one kind of entity into its internal id, as the caller may see
 * it. Another tenant's resource resolves to empty, exactly like an unknown one. The dispatcher
 * uses these for {@code @Param(type = UUID, entity = ...)} before an operation runs.
 */
public interface EntityResolver {
    /** Entity kind, as named in {@link Param#entity()}. */
    String entity();

    Optional<Long> resolve(String uuid, CallContext caller);

    static EntityResolver of(String entity, java.util.function.BiFunction<String, CallContext, Optional<Long>> lookup) {
        return new EntityResolver() {
            @Override
            public String entity() {
                return entity;
            }

            @Override
            public Optional<Long> resolve(String uuid, CallContext caller) {
                return lookup.apply(uuid, caller);
            }
        };
    }
}
