package io.skyport.api.command.limit;

import io.skyport.core.resource.ResourceType;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Resource types as the limit commands name them: CloudStack's numeric codes or names. */
final class LimitTypes {
    private LimitTypes() {
    }

    static List<ResourceType> limited() {
        return Arrays.stream(ResourceType.values()).filter(t -> t.limitSetting() != null).toList();
    }

    static Optional<ResourceType> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (ResourceType t : limited()) {
            if (Integer.toString(t.code()).equals(raw) || t.key().equalsIgnoreCase(raw)) {
                return Optional.of(t);
            }
        }
        throw new ApiException(ApiError.PARAM_ERROR, "Invalid resource type " + raw + "; use one of "
                + limited().stream().map(t -> t.code() + " (" + t.key() + ")").toList());
    }
}
