package io.skyport.api.view;

import com.google.gson.JsonElement;
import io.skyport.api.write.Dates;
import io.skyport.api.write.ResponseTree;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.Domain;
import io.skyport.core.job.AsyncJob;

/** CloudStack's async job response (queryAsyncJobResult, listAsyncJobs). */
@SuppressWarnings("unused")
public final class AsyncJobView {
    private final String jobid;
    private final String cmd;
    private final String account;
    private final String accountid;
    private final String userid;
    private final String domainid;
    private final String domainpath;
    private final String created;
    private final String completed;
    private final String jobinstanceid;
    private final String jobinstancetype;
    private final int jobprocstatus;
    private final int jobresultcode;
    private final int jobstatus;
    private final String jobresulttype;
    private final JsonElement jobresult;
    private final Long managementserverid;

    public AsyncJobView(AsyncJob j, Account a, Domain d, String userUuid) {
        jobid = j.uuid();
        cmd = j.cmd();
        account = a.name();
        accountid = a.uuid();
        userid = userUuid;
        domainid = d.uuid();
        domainpath = d.path();
        created = Dates.format(j.created());
        completed = Dates.format(j.completed());
        jobinstanceid = j.instanceUuid();
        jobinstancetype = j.instanceType();
        jobprocstatus = j.procStatus();
        jobresultcode = j.resultCode();
        jobstatus = j.status();
        jobresulttype = j.done() ? "object" : null;
        jobresult = j.done() && j.result() != null ? ResponseTree.parse(j.result()) : null;
        managementserverid = j.done() ? null : j.ownerNode();
    }
}
