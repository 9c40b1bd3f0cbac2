package io.skyport.bench;

import com.google.gson.JsonObject;

/**
 * Skyport's native API: deployVirtualMachine, then destroyVirtualMachine with expunge, each
 * followed to the end of its job with queryAsyncJobResult and its {@code wait} (the server
 * answers when the job ends, as the daemons' own calls return when they are done, rather than
 * at the client's next poll).
 */
final class NativeSide implements LifecycleSide {
    /** The longest one call waits; a job still running then is asked again. */
    private static final String WAIT_SECONDS = "10";
    private final NativeApiClient tenant;
    private final String zone;
    private final String offering;
    private final String template;

    NativeSide(NativeApiClient tenant, String zone, String offering, String template) {
        this.tenant = tenant;
        this.zone = zone;
        this.offering = offering;
        this.template = template;
    }

    @Override
    public String name() {
        return "native (deploy / destroy expunge)";
    }

    @Override
    public String create(String name) throws Exception {
        JsonObject vm = done(tenant.call("deployVirtualMachine", "zoneid", zone, "serviceofferingid", offering,
                "templateid", template, "name", name, "userdata", ContainerBench.USER_DATA_B64))
                .getAsJsonObject("virtualmachine");
        return vm.get("id").getAsString();
    }

    @Override
    public void remove(String handle) throws Exception {
        done(tenant.call("destroyVirtualMachine", "id", handle, "expunge", "true"));
    }

    @Override
    public String containerName(String handle) {
        return "skyport-" + handle;
    }

    private JsonObject done(JsonObject submitted) throws Exception {
        String job = submitted.get("jobid").getAsString();
        while (true) {
            JsonObject r = tenant.call("queryAsyncJobResult", "jobid", job, "wait", WAIT_SECONDS);
            int status = r.get("jobstatus").getAsInt();
            if (status == 1) {
                return r.getAsJsonObject("jobresult");
            }
            if (status != 0) {
                throw new IllegalStateException("job " + job + " failed: " + r);
            }
        }
    }
}
