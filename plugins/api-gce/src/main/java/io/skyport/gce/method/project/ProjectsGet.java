package io.skyport.gce.method.project;

import com.google.cloud.compute.v1.GetProjectRequest;
import com.google.cloud.compute.v1.Project;
import com.google.protobuf.Message;
import io.skyport.core.identity.AccountDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.ProjectMetadata;
import io.skyport.gce.view.Times;
import io.skyport.plugin.ApiCommand;

@ApiCommand(name = "compute.projects.get", api = "gce", description = "Returns the project: the caller's account.")
public class ProjectsGet extends GceOperation<GetProjectRequest> {
    private final AccountDao accounts;
    private final GceIds ids;
    private final ProjectMetadata metadata;

    public ProjectsGet(AccountDao accounts, GceIds ids, ProjectMetadata metadata) {
        super(GetProjectRequest.getDefaultInstance());
        this.accounts = accounts;
        this.ids = ids;
        this.metadata = metadata;
    }

    @Override
    protected Message run(GetProjectRequest request, GceCall call) {
        var account = accounts.findById(call.accountId()).orElseThrow();
        return Project.newBuilder()
                .setKind("compute#project")
                .setId(ids.projectNumber(account))
                .setName(call.project())
                .setDescription("Account " + account.name())
                .setCommonInstanceMetadata(InstanceMetadata.view(metadata.items(account.id())))
                .setCreationTimestamp(Times.rfc3339(account.created()))
                .setDefaultNetworkTier("PREMIUM")
                .setXpnProjectStatus("UNSPECIFIED_XPN_PROJECT_STATUS")
                .setSelfLink(call.baseUrl() + "projects/" + call.project())
                .build();
    }
}
