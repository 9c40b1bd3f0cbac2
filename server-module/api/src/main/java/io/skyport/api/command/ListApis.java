package io.skyport.api.command;

import io.skyport.api.NativeApiEndpoint;
import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;
import io.skyport.plugin.response.ListResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApiCommand(name = "listApis", description = "lists all available apis on the server, provided by the Api Discovery plugin",
        entity = "api")
public class ListApis implements ApiOperation {
    @Param(name = "name", description = "API name")
    private String name;

    private final CommandCatalog catalog;

    public ListApis(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    /** One command as listApis describes it. */
    public record ApiView(String name, String description, boolean isasync, String since, String related,
                          List<ParamView> params, List<Object> response) {
    }

    public record ParamView(String name, String description, String type, int length, boolean required,
                            String since, String related) {
    }

    @Override
    public Object execute(CallContext ctx) {
        List<ApiView> out = new ArrayList<>();
        for (CommandDescriptor d : catalog.list(NativeApiEndpoint.API)) {
            if (name != null && !d.name().equalsIgnoreCase(name)) {
                continue;
            }
            if (!Arrays.asList(d.command().roles()).contains(ctx.role())) {
                continue;
            }
            List<ParamView> params = d.params().stream().map(pf -> new ParamView(pf.param().name(),
                    pf.param().description(), pf.param().type().wireName(), pf.param().length(),
                    pf.param().required(), blankToNull(pf.param().since()), null)).toList();
            out.add(new ApiView(d.name(), d.command().description(), d.command().async(),
                    blankToNull(d.command().since()), related(d), params, List.of()));
        }
        return ListResponse.of("api", out);
    }

    /**
     * The declared related commands, else, as CloudStack derives them, every command that answers
     * with the same kind of entity (listAccounts: createAccount, disableAccount, ...); null
     * (omitted) when there is none.
     */
    private String related(CommandDescriptor d) {
        if (!d.command().related().isEmpty()) {
            return d.command().related();
        }
        String entity = d.command().entity();
        if (entity.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (CommandDescriptor other : catalog.list(NativeApiEndpoint.API)) {
            if (entity.equals(other.command().entity())) {
                names.add(other.name());
            }
        }
        return String.join(",", names);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
