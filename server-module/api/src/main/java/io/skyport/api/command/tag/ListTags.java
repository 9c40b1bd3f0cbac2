package io.skyport.api.command.tag;

import io.skyport.api.command.BaseListCommand;
import io.skyport.api.view.ViewFactory;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.tag.ResourceTag;
import io.skyport.core.tag.ResourceTagDao;
import io.skyport.core.tag.TagService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.SettingReader;
import io.skyport.plugin.response.ListResponse;
import java.util.List;

@ApiCommand(name = "listTags", entity = "tag", description = "List resource tag(s)")
public class ListTags extends BaseListCommand implements ApiOperation {
    @Param(name = "resourcetype", description = "list by resource type")
    private String resourceType;

    @Param(name = "resourceid", description = "list by resource id")
    private String resourceId;

    @Param(name = "key", description = "list by key")
    private String key;

    @Param(name = "value", description = "list by value")
    private String value;

    private final TagService service;
    private final ViewFactory views;

    public ListTags(SettingReader settings, TagService service, ViewFactory views) {
        super(settings);
        this.service = service;
        this.views = views;
    }

    /** CloudStack's tag response. */
    public record TagView(String key, String value, String resourcetype, String resourceid, String account,
                          String domain, String domainid, String domainpath) {
    }

    @Override
    public Object execute(CallContext ctx) {
        ResourceTagDao.Query q = new ResourceTagDao.Query(resourceType, resourceId, key, value, keyword());
        List<ResourceTag> rows = service.list(ctx, q, offset(), limit());
        List<TagView> out = rows.stream().map(t -> {
            Account a = views.account(t.accountId());
            Domain d = views.domain(t.domainId());
            return new TagView(t.key(), t.value(), t.resourceType(), t.resourceUuid(), a.name(), d.name(), d.uuid(),
                    "ROOT".equals(d.path()) ? "/" : d.path().substring(4));
        }).toList();
        return new ListResponse<>("tag", out, service.count(ctx, q));
    }
}
