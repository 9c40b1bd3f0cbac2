package io.skyport.api.command;

import static org.junit.Assert.assertEquals;

import io.skyport.core.module.ModuleRegistry;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import io.skyport.plugin.UiPanel;
import io.skyport.plugin.response.ListResponse;
import java.util.List;
import org.junit.Test;

public class ListUiPanelsTest {
    private static List<String> idsFor(Role role) {
        ModuleRegistry registry = new ModuleRegistry();
        registry.addPanel(new UiPanel("ec2", "EC2 API", "/ui/ec2/panel.js", Role.USER));
        registry.addPanel(new UiPanel("containers", "Container hosts", "/ui/containers/panel.js", Role.ADMIN));
        registry.addPanel(new UiPanel("domain", "Domain things", "/ui/domain/panel.js", Role.DOMAIN_ADMIN));
        CallContext ctx = new CallContext(2, "u", 2, "a", "u", 1, "ROOT", role, "local");
        ListResponse list = (ListResponse) new ListUiPanels(registry).execute(ctx);
        return list.items().stream().map(o -> ((ListUiPanels.UiPanelView) o).id()).toList();
    }

    @Test
    public void aUserSeesOnlyUserPanels() {
        assertEquals(List.of("ec2"), idsFor(Role.USER));
    }

    @Test
    public void aDomainAdminSeesUserAndDomainAdminPanels() {
        assertEquals(List.of("ec2", "domain"), idsFor(Role.DOMAIN_ADMIN));
    }

    @Test
    public void anAdminSeesEveryPanelWithItsPageDirectory() {
        assertEquals(List.of("ec2", "containers", "domain"), idsFor(Role.ADMIN));
        ModuleRegistry registry = new ModuleRegistry();
        registry.addPanel(new UiPanel("gce", "GCE API", "/ui/gce/panel.js", Role.USER));
        ListResponse list = (ListResponse) new ListUiPanels(registry).execute(CallContext.system());
        assertEquals("/ui/gce/", ((ListUiPanels.UiPanelView) list.items().get(0)).url());
    }
}
