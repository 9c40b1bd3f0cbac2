package io.skyport.ec2.action.instance;

import io.skyport.core.catalog.ServiceOffering;
import io.skyport.ec2.Ec2Action;
import io.skyport.ec2.Ec2Exception;
import io.skyport.ec2.service.InstanceTypes;
import io.skyport.ec2.view.Filters;
import io.skyport.ec2.view.Paging;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeHypervisor;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.RootDeviceType;
import software.amazon.awssdk.services.ec2.model.UsageClassType;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;
import software.amazon.awssdk.services.ec2.model.VirtualizationType;

/** Service offerings as instance types: vCPUs, clock and memory as the offering defines them. */
@ApiCommand(name = "DescribeInstanceTypes", api = "ec2", description = "Describes the instance types offered.")
public class DescribeInstanceTypes extends Ec2Action<DescribeInstanceTypesRequest> {
    private static final Filters<InstanceTypeInfo> FILTERS = new Filters<InstanceTypeInfo>()
            .on("instance-type", InstanceTypeInfo::instanceTypeAsString)
            .on("vcpu-info.default-vcpus", i -> i.vCpuInfo().defaultVCpus())
            .on("memory-info.size-in-mib", i -> i.memoryInfo().sizeInMiB())
            .on("current-generation", InstanceTypeInfo::currentGeneration)
            .on("hypervisor", InstanceTypeInfo::hypervisorAsString)
            .onEach("processor-info.supported-architecture", i -> i.processorInfo().supportedArchitecturesAsStrings());
    private final InstanceTypes types;

    public DescribeInstanceTypes(InstanceTypes types) {
        super(DescribeInstanceTypesRequest::builder);
        this.types = types;
    }

    @Override
    protected SdkPojo run(DescribeInstanceTypesRequest request, CallContext ctx) {
        Predicate<InstanceTypeInfo> matches = FILTERS.matcher(request.filters());
        Paging page = Paging.of("DescribeInstanceTypes", request.maxResults(), request.nextToken(), 5, 100);
        List<String> wanted = request.instanceTypesAsStrings();
        for (String w : wanted) {
            if (types.find(w).isEmpty()) {
                throw Ec2Exception.invalid("InstanceType", w, "The following supplied instance types do not exist: ["
                        + w + "]");
            }
        }
        List<InstanceTypeInfo> all = new ArrayList<>();
        for (ServiceOffering o : types.all()) {
            InstanceTypeInfo info = info(o);
            if ((wanted.isEmpty() || wanted.contains(info.instanceTypeAsString()) || wanted.contains(o.name()))
                    && matches.test(info)) {
                all.add(info);
            }
        }
        return DescribeInstanceTypesResponse.builder().instanceTypes(page.page(all))
                .nextToken(page.next("DescribeInstanceTypes", all.size())).build();
    }

    private static InstanceTypeInfo info(ServiceOffering o) {
        return InstanceTypeInfo.builder()
                .instanceType(InstanceTypes.typeName(o))
                .currentGeneration(true)
                .freeTierEligible(false)
                .supportedUsageClasses(UsageClassType.ON_DEMAND)
                .supportedRootDeviceTypes(RootDeviceType.EBS)
                .supportedVirtualizationTypes(VirtualizationType.HVM)
                .bareMetal(false)
                .hypervisor(InstanceTypeHypervisor.XEN)
                .processorInfo(ProcessorInfo.builder().supportedArchitectures(ArchitectureType.X86_64)
                        .sustainedClockSpeedInGhz(o.cpuSpeed() / 1000.0).build())
                .vCpuInfo(VCpuInfo.builder().defaultVCpus(o.cpus()).defaultCores(o.cpus()).defaultThreadsPerCore(1)
                        .build())
                .memoryInfo(MemoryInfo.builder().sizeInMiB((long) o.memoryMb()).build())
                .instanceStorageSupported(false)
                .ebsInfo(software.amazon.awssdk.services.ec2.model.EbsInfo.builder().ebsOptimizedSupport("unsupported")
                        .encryptionSupport("unsupported").build())
                .burstablePerformanceSupported(false)
                .hibernationSupported(false)
                .autoRecoverySupported(false)
                .build();
    }
}
