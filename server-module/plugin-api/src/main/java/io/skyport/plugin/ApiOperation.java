package io.skyport.plugin;

/**
 * One API operation. Implementations are thin: translate bound parameters, call a core
 * service, return a response object (serialized by the protocol's writer).
 */
public interface ApiOperation {
    Object execute(CallContext ctx);
}
