package io.skyport.api;

import io.skyport.api.write.ResponseTree;
import io.skyport.core.job.AsyncJob;
import io.skyport.core.job.JobService;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.response.AsyncJobSubmitted;
import java.util.function.Function;
import java.util.function.Supplier;

/** Submits the work of an async native command and answers with CloudStack's job-submitted body. */
public class NativeJobs {
    private final JobService jobs;

    public NativeJobs(JobService jobs) {
        this.jobs = jobs;
    }

    /**
     * @param returnsId whether the submit answer carries the resource id (deploy does, deletes don't)
     */
    public AsyncJobSubmitted submit(CallContext caller, String command, String instanceType, String instanceUuid,
                                    boolean returnsId, Supplier<Object> work) {
        return submitForJob(caller, command, instanceType, instanceUuid, returnsId, jobUuid -> work.get());
    }

    /** As {@link #submit}, for work whose result names the job it ran in. */
    public AsyncJobSubmitted submitForJob(CallContext caller, String command, String instanceType,
                                          String instanceUuid, boolean returnsId, Function<String, Object> work) {
        String syncKey = instanceUuid == null ? null : instanceType + ":" + instanceUuid;
        return submitQueued(caller, command, instanceType, instanceUuid, syncKey, returnsId, work);
    }

    /**
     * As {@link #submitForJob}, queued behind the jobs of the resource {@code syncKey} names
     * ({@code VirtualMachine:<uuid>}) instead of the job's own resource: for work that changes
     * that other resource too.
     */
    public AsyncJobSubmitted submitQueued(CallContext caller, String command, String instanceType,
                                          String instanceUuid, String syncKey, boolean returnsId,
                                          Function<String, Object> work) {
        AsyncJob job = jobs.submit(caller, command, instanceType, instanceUuid, syncKey,
                jobUuid -> ResponseTree.encode(work.apply(jobUuid)));
        return new AsyncJobSubmitted(job.uuid(), returnsId ? instanceUuid : null);
    }
}
