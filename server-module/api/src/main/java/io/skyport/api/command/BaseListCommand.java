package io.skyport.api.command;

import io.skyport.core.settings.CoreSettings;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.Param;
import io.skyport.plugin.ParamType;
import io.skyport.plugin.SettingReader;

/** Paging and keyword parameters every list command shares. */
public abstract class BaseListCommand {
    @Param(name = "keyword", description = "List by keyword")
    protected String keyword;

    @Param(name = "page", type = ParamType.INTEGER)
    protected Integer page;

    @Param(name = "pagesize", type = ParamType.INTEGER)
    protected Integer pageSize;

    private final SettingReader settings;

    protected BaseListCommand(SettingReader settings) {
        this.settings = settings;
    }

    /** Rows to return; {@code pagesize=-1} asks for everything up to the maximum. */
    protected int limit() {
        int max = settings.get(CoreSettings.DEFAULT_PAGE_SIZE);
        if (pageSize == null || pageSize == -1) {
            return max;
        }
        if (pageSize < 1 || pageSize > max) {
            throw new ApiException(ApiError.PARAM_ERROR, "Page size can't exceed max allowed page size value: " + max
                    + ", and must be at least 1");
        }
        return pageSize;
    }

    protected int offset() {
        if (page == null) {
            return 0;
        }
        if (page < 1) {
            throw new ApiException(ApiError.PARAM_ERROR, "Page must be a positive number");
        }
        // in long: a large page times the page size overflows an int into a negative offset,
        // which the database refuses; a page past every row is simply empty
        return (int) Math.min((long) (page - 1) * limit(), Integer.MAX_VALUE);
    }

    protected String keyword() {
        return keyword == null || keyword.isBlank() ? null : keyword;
    }
}
