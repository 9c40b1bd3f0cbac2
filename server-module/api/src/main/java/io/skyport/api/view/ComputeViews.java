package io.skyport.api.view;

import io.skyport.core.catalog.ServiceOfferingDao;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.identity.UserDao;
import io.skyport.core.infra.InfraDao;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.vm.Vm;
import io.skyport.plugin.response.EntityResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hands out per-request {@link VmViewFactory} instances (their lookup memo lives one request). */
public class ComputeViews {
    private final ViewFactory views;
    private final InfraDao infra;
    private final ServiceOfferingDao offerings;
    private final TemplateDao templates;
    private final NetworkDao networks;
    private final SecurityGroupDao groups;
    private final UserDao users;
    private final JdbcTemplate jdbc;

    public ComputeViews(ViewFactory views, InfraDao infra, ServiceOfferingDao offerings, TemplateDao templates,
                        NetworkDao networks, SecurityGroupDao groups, UserDao users, JdbcTemplate jdbc) {
        this.views = views;
        this.infra = infra;
        this.offerings = offerings;
        this.templates = templates;
        this.networks = networks;
        this.groups = groups;
        this.users = users;
        this.jdbc = jdbc;
    }

    public VmViewFactory vms() {
        return new VmViewFactory(views, infra, offerings, templates, networks, groups, users, jdbc);
    }

    /** {@code {"virtualmachine": {...}}}, outside a job. */
    public EntityResponse vmResult(Vm vm) {
        return new EntityResponse("virtualmachine", vms().view(vm));
    }

    /** What CloudStack answers for a VM that no longer exists after the job (destroy with expunge). */
    public EntityResponse expungedResult() {
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("affinitygroup", List.of());
        gone.put("deleteprotection", false);
        gone.put("nic", List.of());
        gone.put("securitygroup", List.of());
        gone.put("tags", List.of());
        return new EntityResponse("virtualmachine", gone);
    }

    /** {@code {"virtualmachine": {...}}} as the result of the job that acted on it. */
    public EntityResponse vmResult(Vm vm, String jobUuid) {
        return new EntityResponse("virtualmachine", vms().view(vm).withJob(jobUuid));
    }
}
