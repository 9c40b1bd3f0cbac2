package io.skyport.ec2;

import io.skyport.ec2.wire.QueryReader;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import java.util.NavigableMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * One EC2 operation. Its parameters are the operation's request shape from the EC2 model, read
 * from the query by {@link QueryReader}; it answers with the operation's response shape. A
 * subclass translates and calls core services, nothing more.
 *
 * @param <I> the request type, e.g. {@code RunInstancesRequest}
 */
public abstract class Ec2Action<I extends SdkPojo> implements ApiOperation {
    private final Supplier<? extends Buildable> builder;
    private I request;
    private String endpointUrl;

    protected Ec2Action(Supplier<? extends Buildable> builder) {
        this.builder = builder;
    }

    /** Binds the request parameters; refuses names and values the shape does not allow. */
    public final void bind(NavigableMap<String, String> params, String endpointUrl) {
        this.request = QueryReader.read(builder.get(), params);
        this.endpointUrl = endpointUrl;
    }

    /** The URL the client reached this API at. */
    protected final String endpointUrl() {
        return endpointUrl;
    }

    @Override
    public final Object execute(CallContext ctx) {
        if (request == null) {
            throw new IllegalStateException("execute before bind");
        }
        if (dryRun(request)) {
            // the caller is authenticated and may call the operation (the endpoint checked both)
            throw new Ec2Exception(Ec2Error.DRY_RUN_OPERATION, "Request would have succeeded, but DryRun flag is set.");
        }
        return run(request, ctx);
    }

    protected abstract SdkPojo run(I request, CallContext ctx);

    private static boolean dryRun(SdkPojo request) {
        SdkField<?> field = request.sdkFieldNameToField().get("DryRun");
        return field != null && Boolean.TRUE.equals(field.getValueOrDefault(request));
    }
}
