package io.skyport.gce;

import com.google.protobuf.Message;
import io.skyport.gce.spec.ApiMethod;
import io.skyport.gce.wire.RequestBinder;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import java.util.List;
import java.util.Map;

/**
 * One Compute Engine method. Its parameters are the method's request message from compute.proto,
 * bound from path, query and body by {@link RequestBinder}; it answers with the method's response
 * message. A subclass translates and calls core services, nothing more.
 *
 * @param <R> the request message, e.g. {@code InsertInstanceRequest}
 */
public abstract class GceOperation<R extends Message> implements ApiOperation {
    private final R prototype;
    private R request;
    private GceCall call;

    protected GceOperation(R prototype) {
        this.prototype = prototype;
    }

    @SuppressWarnings("unchecked")
    public final void bind(ApiMethod method, Map<String, String> path, Map<String, List<String>> query, String body,
                           GceCall call) {
        if (!method.request().equals(prototype.getDescriptorForType())) {
            throw new IllegalStateException(getClass().getName() + " takes " + prototype.getDescriptorForType()
                    .getName() + ", not " + method.request().getName());
        }
        this.request = (R) RequestBinder.bind(method, prototype.newBuilderForType(), path, query, body);
        this.call = call;
    }

    /**
     * The client's {@code requestId}, if the method takes one and it was given: a retry with the
     * same id gets the first call's Operation instead of doing the work again.
     */
    public final String requestId() {
        var field = request.getDescriptorForType().findFieldByName("request_id");
        return field != null && request.hasField(field) ? (String) request.getField(field) : null;
    }

    @Override
    public final Object execute(CallContext ctx) {
        if (request == null) {
            throw new IllegalStateException("execute before bind");
        }
        return run(request, call);
    }

    protected abstract Message run(R request, GceCall call);
}
