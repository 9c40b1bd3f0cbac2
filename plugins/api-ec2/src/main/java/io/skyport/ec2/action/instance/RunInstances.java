package io.skyport.ec2.action.instance;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.core.catalog.Template;
import io.skyport.core.catalog.TemplateDao;
import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.infra.Zone;
import io.skyport.core.infra.ZoneDao;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.keypair.SshKeyPairDao;
import io.skyport.core.network.Network;
import io.skyport.core.network.NetworkDao;
import io.skyport.core.resource.ResourceCounter;
import io.skyport.core.resource.ResourceType;
import io.skyport.core.securitygroup.SecurityGroupDao;
import io.skyport.core.tag.TagService;
import io.skyport.core.vm.DeployRequest;
import io.skyport.core.vm.Vm;
import io.skyport.core.vm.VmDao;
import io.skyport.core.vm.VmOperations;
import io.skyport.core.vm.VmProvisioner;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.Ec2Ids;
import io.skyport.ec2.service.Ec2Ids.Kind;
import io.skyport.ec2.service.Ec2Instances;
import io.skyport.ec2.service.InstanceMetadataOptions;
import io.skyport.ec2.service.InstanceTypes;
import io.skyport.ec2.view.InstanceStates;
import io.skyport.ec2.view.InstanceViews;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Launches instances: creates the VMs (and their reservation, ids and tags) in one transaction
 * and queues each start as a job. It answers once the starts have ended or the state-change wait
 * is over: an instance whose start ended as it is, the others {@code pending}. A ClientToken makes
 * a retried launch return the first launch's reservation, as it is now, instead of a second.
 */
@ApiCommand(name = "RunInstances", api = "ec2", async = true, description = "Launches instances.")
public class RunInstances extends Ec2Action<RunInstancesRequest> {
    /** Most instances one request may launch. */
    static final int MAX_COUNT = 100;

    private final Ec2Ids ids;
    private final Ec2Instances instances;
    private final InstanceTypes types;
    private final InstanceViews views;
    private final TemplateDao templates;
    private final ZoneDao zones;
    private final NetworkDao networks;
    private final SshKeyPairDao keypairs;
    private final SecurityGroupDao groups;
    private final ResourceCounter counter;
    private final TagService tags;
    private final VmProvisioner provisioner;
    private final VmOperations ops;
    private final VmDao vms;
    private final ExternalIdDao tokens;
    private final TransactionTemplate tx;
    private final InstanceMetadataOptions metadataOptions;

    public RunInstances(Ec2Ids ids, Ec2Instances instances, InstanceTypes types, InstanceViews views,
                        TemplateDao templates, ZoneDao zones, NetworkDao networks, SshKeyPairDao keypairs,
                        SecurityGroupDao groups, ResourceCounter counter, TagService tags, VmProvisioner provisioner,
                        VmOperations ops, VmDao vms, ExternalIdDao tokens, TransactionTemplate tx,
                        InstanceMetadataOptions metadataOptions) {
        super(RunInstancesRequest::builder);
        this.ids = ids;
        this.instances = instances;
        this.types = types;
        this.views = views;
        this.templates = templates;
        this.zones = zones;
        this.networks = networks;
        this.keypairs = keypairs;
        this.groups = groups;
        this.counter = counter;
        this.tags = tags;
        this.provisioner = provisioner;
        this.ops = ops;
        this.vms = vms;
        this.tokens = tokens;
        this.tx = tx;
        this.metadataOptions = metadataOptions;
    }

    /** The request with everything resolved to core ids, its MetadataOptions checked. */
    private record Launch(Template template, ServiceOffering offering, long zoneId, Long networkId, List<String> keys,
                          List<Long> groupIds, List<String> groupNames, String nameTag, Map<String, String> tags,
                          int count, InstanceMetadataOptions.Requested metadataOptions) {
    }

    @Override
    protected SdkPojo run(RunInstancesRequest request, CallContext ctx) {
        String token = request.clientToken();
        String hash = token == null ? null : requestHash(request);
        if (token != null) {
            Optional<SdkPojo> earlier = replay(ctx, token, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Launch launch = resolve(request, ctx);
        String reservationId = Ec2Ids.mint(Kind.RESERVATION);
        List<Vm> launched = new ArrayList<>();
        List<AsyncJob> queued = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> {
                if (token != null && !tokens.recordToken("ec2", ctx.accountId(), token, hash, reservationId)) {
                    throw new TokenTaken();
                }
                create(ctx, request, launch, reservationId, launched, queued);
            });
        } catch (TokenTaken raced) {
            return replay(ctx, token, hash).orElseThrow(() -> new Ec2Exception(Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH,
                    "The client token " + token + " is in use by a request still in progress"));
        }
        Map<String, Vm> settled = instances.settled(queued);
        return response(ctx, reservationId, launched.stream().map(vm -> settled.getOrDefault(vm.uuid(), vm)).toList(),
                settled.keySet());
    }

    /** A concurrent request with the same client token committed first. */
    private static final class TokenTaken extends RuntimeException {
        TokenTaken() {
            super(null, null, false, false);
        }
    }

    /** Creates the VMs into {@code out} and queues their starts into {@code queued}. */
    private void create(CallContext ctx, RunInstancesRequest request, Launch l, String reservationId, List<Vm> out,
                        List<AsyncJob> queued) {
        for (int i = 0; i < l.count(); i++) {
            String instanceId = Ec2Ids.mint(Kind.INSTANCE);
            String name = VmProvisioner.validHostName(l.nameTag()) ? l.nameTag() : instanceId;
            String displayName = l.nameTag() != null ? l.nameTag() : instanceId;
            Vm vm = provisioner.create(ctx, new DeployRequest(ctx.accountId(), l.zoneId(), l.offering().id(),
                    l.template().id(), name, displayName, request.userData(), l.keys(), l.groupIds(), l.groupNames(),
                    l.networkId(), true, null));
            ids.share(Kind.INSTANCE, List.of(vm.uuid()), instanceId, ctx.accountId());
            ids.share(Kind.RESERVATION, List.of(vm.uuid()), reservationId, ctx.accountId());
            metadataOptions.set(vm.uuid(), l.metadataOptions());
            if (!l.tags().isEmpty()) {
                tags.create(ctx, InstanceViews.TAG_TYPE, List.of(vm.uuid()), l.tags());
            }
            queued.add(instances.submit(ctx, "RunInstances", vm, id -> {
                try {
                    return ops.start(ctx, id, null);
                } catch (RuntimeException e) {
                    ops.discardFailedDeploy(ctx, id, e.getMessage());
                    throw e;
                }
            }));
            out.add(vm);
        }
    }

    private Launch resolve(RunInstancesRequest r, CallContext ctx) {
        if (r.imageId() == null) {
            throw Ec2Exception.missing("ImageId");
        }
        if (r.minCount() == null) {
            throw Ec2Exception.missing("MinCount");
        }
        if (r.maxCount() == null) {
            throw Ec2Exception.missing("MaxCount");
        }
        if (r.minCount() < 1 || r.maxCount() < r.minCount()) {
            throw Ec2Exception.invalid("MinCount", r.minCount(), "MinCount must be at least 1 and at most MaxCount.");
        }
        String templateUuid = ids.resolve(Kind.IMAGE, r.imageId(), ctx, "ImageId");
        Template template = templates.findByUuid(templateUuid)
                .filter(t -> t.isPublic() || t.accountId() == ctx.accountId())
                .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_AMI_ID_NOT_FOUND,
                        Ec2Ids.notFoundMessage(Kind.IMAGE, r.imageId())));
        ServiceOffering offering = r.instanceType() != null ? types.resolve(r.instanceTypeAsString(), "InstanceType")
                : types.all().stream().findFirst().orElseThrow(() -> Ec2Exception.missing("InstanceType"));
        Long networkId = null;
        Long zoneId = null;
        if (r.subnetId() != null) {
            Network net = networks.findByUuid(ids.resolve(Kind.SUBNET, r.subnetId(), ctx, "SubnetId"))
                    .orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_SUBNET_ID_NOT_FOUND, "The subnet ID '"
                            + r.subnetId() + "' does not exist"));
            networkId = net.id();
            zoneId = net.zoneId();
        }
        String az = r.placement() == null ? null : r.placement().availabilityZone();
        if (az != null) {
            Zone zone = zones.zoneByName(az).orElseThrow(() -> Ec2Exception.invalid("Placement.AvailabilityZone", az,
                    "Invalid availability zone: [" + az + "]"));
            if (zoneId != null && zoneId != zone.id()) {
                throw new Ec2Exception(Ec2Error.INVALID_PARAMETER_COMBINATION, "The subnet is not in availability "
                        + "zone " + az);
            }
            zoneId = zone.id();
        }
        if (zoneId == null) {
            zoneId = zones.zones(null, null, null).stream().filter(z -> "Enabled".equalsIgnoreCase(z.allocationState()))
                    .findFirst().orElseThrow(() -> new Ec2Exception(Ec2Error.UNAVAILABLE, "No availability zone is "
                            + "enabled")).id();
        }
        List<String> keys = new ArrayList<>();
        if (r.keyName() != null) {
            keypairs.findByName(ctx.accountId(), r.keyName()).orElseThrow(() -> new Ec2Exception(
                    Ec2Error.INVALID_KEY_PAIR_NOT_FOUND, "The key pair '" + r.keyName() + "' does not exist"));
            keys.add(r.keyName());
        }
        List<Long> groupIds = new ArrayList<>();
        for (String sg : r.securityGroupIds()) {
            String uuid = ids.resolve(Kind.SECURITY_GROUP, sg, ctx, "SecurityGroupId");
            groupIds.add(groups.findByUuid(uuid).orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_GROUP_NOT_FOUND,
                    Ec2Ids.notFoundMessage(Kind.SECURITY_GROUP, sg))).id());
        }
        for (String name : r.securityGroups()) {
            groups.findByName(ctx.accountId(), name).orElseThrow(() -> new Ec2Exception(Ec2Error.INVALID_GROUP_NOT_FOUND,
                    "The security group '" + name + "' does not exist in default VPC"));
        }
        Map<String, String> instanceTags = new LinkedHashMap<>();
        String nameTag = null;
        for (TagSpecification spec : r.tagSpecifications()) {
            if (!"instance".equals(spec.resourceTypeAsString())) {
                throw Ec2Exception.invalid("TagSpecification.ResourceType", spec.resourceTypeAsString(),
                        "Only instance tags can be given when launching instances here.");
            }
            for (Tag t : spec.tags()) {
                if ("Name".equals(t.key())) {
                    nameTag = t.value();
                } else {
                    instanceTags.put(t.key(), t.value() == null ? "" : t.value());
                }
            }
        }
        var asked = r.metadataOptions();
        InstanceMetadataOptions.Requested metadata = new InstanceMetadataOptions.Requested(
                InstanceMetadataOptions.checkHttpTokens("MetadataOptions.HttpTokens",
                        asked == null ? null : asked.httpTokensAsString()),
                InstanceMetadataOptions.checkHopLimit("MetadataOptions.HttpPutResponseHopLimit",
                        asked == null ? null : asked.httpPutResponseHopLimit()));
        int count = affordable(ctx, offering, r.minCount(), Math.min(r.maxCount(), MAX_COUNT));
        return new Launch(template, offering, zoneId, networkId, keys, groupIds, r.securityGroups(), nameTag,
                instanceTags, count, metadata);
    }

    /** MaxCount if the account's limits allow it, else as many as they allow, but at least MinCount. */
    private int affordable(CallContext ctx, ServiceOffering offering, int min, int max) {
        long fit = Math.min(room(ctx, ResourceType.USER_VM, 1), Math.min(room(ctx, ResourceType.CPU, offering.cpus()),
                room(ctx, ResourceType.MEMORY, offering.memoryMb())));
        fit = Math.min(fit, room(ctx, ResourceType.VOLUME, 1));
        if (fit < min) {
            throw new Ec2Exception(Ec2Error.INSTANCE_LIMIT_EXCEEDED, "You have requested more instances (" + min
                    + ") than your current instance limit of " + Math.max(0, fit) + " allows for the specified "
                    + "instance type.");
        }
        return (int) Math.min(max, fit);
    }

    private long room(CallContext ctx, ResourceType type, long perInstance) {
        long limit = counter.limit(ctx.accountId(), type);
        if (limit < 0 || perInstance <= 0) {
            return Long.MAX_VALUE;
        }
        return (limit - counter.count(ctx.accountId(), type)) / perInstance;
    }

    private Optional<SdkPojo> replay(CallContext ctx, String token, String hash) {
        return tokens.token("ec2", ctx.accountId(), token).map(t -> {
            if (!t.requestHash().equals(hash)) {
                throw new Ec2Exception(Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH, "Arguments on this idempotent request "
                        + "are inconsistent with arguments used in previous request(s).");
            }
            List<Vm> earlier = new ArrayList<>();
            for (String uuid : ids.reservationMembers(t.result())) {
                vms.findByUuid(uuid).ifPresent(earlier::add);
            }
            return response(ctx, t.result(), earlier, earlier.stream().map(Vm::uuid).collect(Collectors.toSet()));
        });
    }

    /** The reservation; instances not in {@code asTheyAre} (their start still running) answer {@code pending}. */
    private SdkPojo response(CallContext ctx, String reservationId, List<Vm> launched, Set<String> asTheyAre) {
        List<Instance> out = new ArrayList<>();
        for (InstanceViews.Placed p : views.build(ctx, launched)) {
            out.add(asTheyAre.contains(p.vm().uuid()) ? p.instance()
                    : p.instance().toBuilder().state(InstanceStates.of(InstanceStateName.PENDING)).build());
        }
        return RunInstancesResponse.builder().reservationId(reservationId)
                .ownerId(InstanceViews.ownerId(ctx.accountId())).groups(List.of()).instances(out).build();
    }

    /** What makes two launches "the same request": every parameter but the token itself. */
    private static String requestHash(RunInstancesRequest r) {
        String canonical = r.toBuilder().clientToken(null).userData(null).build().toString() + "|"
                + (r.userData() == null ? "" : r.userData());
        return io.skyport.ec2.auth.SigV4.hex(io.skyport.ec2.auth.SigV4.sha256(canonical.getBytes(
                StandardCharsets.UTF_8)));
    }
}
