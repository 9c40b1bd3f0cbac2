package io.skyport.gce.method.project;

import com.google.cloud.compute.v1.SetCommonInstanceMetadataProjectRequest;
import com.google.protobuf.Message;
import io.skyport.core.identity.AccountDao;
import io.skyport.gce.GceCall;
import io.skyport.gce.GceOperation;
import io.skyport.gce.service.GceIds;
import io.skyport.gce.service.InstanceMetadata;
import io.skyport.gce.service.Operations;
import io.skyport.gce.service.ProjectMetadata;
import io.skyport.plugin.ApiCommand;
import java.util.Map;

@ApiCommand(name = "compute.projects.setCommonInstanceMetadata", api = "gce", description = "Replaces the "
        + "project's metadata, which every instance of the project reads under project/attributes; the fingerprint "
        + "must be the current one.")
public class ProjectsSetCommonInstanceMetadata extends GceOperation<SetCommonInstanceMetadataProjectRequest> {
    private final ProjectMetadata metadata;
    private final Operations operations;
    private final AccountDao accounts;
    private final GceIds ids;

    public ProjectsSetCommonInstanceMetadata(ProjectMetadata metadata, Operations operations, AccountDao accounts,
                                             GceIds ids) {
        super(SetCommonInstanceMetadataProjectRequest.getDefaultInstance());
        this.metadata = metadata;
        this.operations = operations;
        this.accounts = accounts;
        this.ids = ids;
    }

    @Override
    protected Message run(SetCommonInstanceMetadataProjectRequest r, GceCall call) {
        var body = r.getMetadataResource();
        Map<String, String> items = InstanceMetadata.checkedItems(body);
        String fingerprint = InstanceMetadata.canonicalFingerprint(body.getFingerprint());
        metadata.checkFingerprint(call.accountId(), fingerprint);
        var account = accounts.findById(call.accountId()).orElseThrow();
        long projectNumber = ids.projectNumber(account);
        return operations.submit(call, new Operations.Work("compute.projects.setCommonInstanceMetadata", "global", "",
                projectNumber, null, null, "GceProjectMetadata:" + call.accountId()), jobUuid -> {
                    metadata.replace(call.accountId(), fingerprint, items);
                    return null;
                });
    }
}
