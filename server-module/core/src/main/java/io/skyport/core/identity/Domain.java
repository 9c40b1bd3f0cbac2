package io.skyport.core.identity;

import java.time.Instant;

public record Domain(long id, String uuid, String name, Long parentId, String path, int level,
                     String state, Instant created) {
}
