package io.skyport.app.it;

import io.skyport.core.dispatch.CommandCatalog;
import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.spec.ComputeSpec;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.Param;
import io.skyport.plugin.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API reference pages of the documentation (docs/reference/*.rst), rendered from the command
 * catalog of a running server: the same declarations listApis and the EC2 and GCE endpoints
 * dispatch on, so a page that differs from the code is a drift {@link DocsIT} reports.
 */
final class ApiReference {
    /** API name in the catalog, with the page title and the sentence that introduces it. */
    private record Page(String api, String title, String intro) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("native", "Native API commands",
                    "The CloudStack-compatible commands under ``/client/api`` (``command=<name>``), as ``listApis`` "
                            + "describes them. Asynchronous commands answer with a ``jobid`` to poll with "
                            + "``queryAsyncJobResult``."),
            new Page("ec2", "EC2 API actions",
                    "The EC2 Query API actions the EC2 endpoint serves (``Action=<name>``, API version 2016-11-15). "
                            + "Parameters follow the EC2 API reference for each action."),
            new Page("gce", "GCE API methods",
                    "The Compute Engine v1 methods the GCE endpoint serves, named as in Google's discovery document "
                            + "(``compute.<collection>.<method>``). Request fields follow that document."));

    private ApiReference() {
    }

    /** File name (under docs/reference) to its content, one page per API. */
    static Map<String, String> render(CommandCatalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Page page : PAGES) {
            out.put(page.api() + ".rst", page(page, catalog.list(page.api())));
        }
        return out;
    }

    private static String page(Page page, List<CommandDescriptor> commands) {
        StringBuilder b = new StringBuilder();
        b.append(".. Generated from the server's command catalog by DocsIT; do not edit by hand.\n");
        b.append(".. Regenerate with: mvn -B verify -pl server-module/app -am -Dit.test=DocsIT "
                + "-Dskyport.docs.write=true\n\n");
        title(b, page.title(), '=');
        b.append(page.intro()).append("\n\n");
        b.append(commands.size()).append(" operations.\n\n");
        for (CommandDescriptor d : commands) {
            command(b, d);
        }
        return b.toString();
    }

    private static void command(StringBuilder b, CommandDescriptor d) {
        ApiCommand c = d.command();
        title(b, d.name(), '-');
        b.append(text(c.description())).append("\n\n");
        b.append("* Asynchronous: ").append(c.async() ? "yes" : "no").append('\n');
        if (!c.authenticated()) {
            b.append("* Authentication: none (the command establishes identity itself)\n");
        }
        b.append("* Roles: ").append(Arrays.stream(c.roles()).map(Role::name).map(String::toLowerCase)
                .collect(Collectors.joining(", "))).append('\n');
        if (!c.since().isEmpty()) {
            b.append("* Since: ").append(text(c.since())).append('\n');
        }
        if (c.api().equals("gce")) {
            gceRoute(b, d.name());
        }
        b.append('\n');
        if (d.params().isEmpty()) {
            return;
        }
        b.append(".. list-table::\n   :header-rows: 1\n   :widths: 20 10 10 60\n\n");
        b.append("   * - Parameter\n     - Type\n     - Required\n     - Description\n");
        d.params().stream().map(CommandDescriptor.ParamField::param)
                .sorted((x, y) -> x.name().compareTo(y.name()))
                .forEach(p -> param(b, p));
        b.append('\n');
    }

    /** A GCE method's HTTP route and request fields, from compute.proto as the endpoint routes them. */
    private static void gceRoute(StringBuilder b, String name) {
        ApiMethod m = ComputeSpec.get().method(name).orElse(null);
        if (m == null) {
            b.append("* HTTP: not a method of compute.proto (not routed)\n");
            return;
        }
        b.append("* HTTP: ``").append(m.httpMethod()).append(" /compute/v1/").append(m.path()).append("``\n");
        b.append("* Request: ``").append(m.request().getName()).append("`` (fields: ")
                .append(m.request().getFields().stream().map(f -> "``" + f.getJsonName() + "``")
                        .collect(Collectors.joining(", ")))
                .append(")\n");
        b.append("* Response: ``").append(m.response().getName()).append("``\n");
    }

    private static void param(StringBuilder b, Param p) {
        b.append("   * - ``").append(p.name()).append("``\n");
        b.append("     - ").append(p.type().wireName()).append('\n');
        b.append("     - ").append(p.required() ? "yes" : "no").append('\n');
        String desc = p.description().isEmpty() ? "(no description)" : text(p.description());
        b.append("     - ").append(desc).append('\n');
    }

    private static void title(StringBuilder b, String title, char underline) {
        String t = text(title);
        b.append(t).append('\n').append(String.valueOf(underline).repeat(t.length())).append("\n\n");
    }

    /** Plain text as reStructuredText: inline markup characters escaped, one line. */
    static String text(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder();
        for (char ch : flat.toCharArray()) {
            if ("\\*`|_<>[]".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
