package io.skyport.core.event;

import io.skyport.core.dispatch.CommandDescriptor;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import java.util.Arrays;
import java.util.Locale;

/**
 * The audit trail of admin operations, written by the API dispatchers rather than by each
 * command, so no admin command can forget it. An {@code ADMIN.AUDIT} event (its resource is the
 * calling user) names who, what, from where and the result, for: every call of a command only
 * administrators may run (succeeded, failed or refused), every call an administrator makes
 * (their other commands act on others' resources and settings), and every call of an
 * authenticated user refused as not permitted. Successful read-only calls (list, get, query,
 * describe) are left out: they change nothing and the web UI makes many.
 */
public class AdminAudit {
    public static final String TYPE = "ADMIN.AUDIT";
    private final EventService events;

    public AdminAudit(EventService events) {
        this.events = events;
    }

    /** Whether only administrators (root or domain) may call the command. */
    public static boolean adminOnly(CommandDescriptor d) {
        return !Arrays.asList(d.command().roles()).contains(Role.USER);
    }

    /** By name: native {@code listZones}, EC2 {@code DescribeImages}, GCE {@code compute.zones.list}. */
    static boolean readOnly(String name) {
        String n = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return n.startsWith("list") || n.startsWith("get") || n.startsWith("query") || n.startsWith("describe")
                || n.startsWith("aggregatedlist") || n.equals("wait");
    }

    /**
     * Records the call if the audit covers it.
     *
     * @param caller  who called; null when the caller could not be identified
     * @param address the source address of the request
     * @param result  {@code success}, {@code refused} (not authenticated or not permitted) or {@code failed}
     */
    public void record(String api, CommandDescriptor d, CallContext caller, String address, String result) {
        boolean success = "success".equals(result);
        boolean byAdmin = caller != null && caller.role() != Role.USER;
        // an unidentified caller's refusal is audited for admin commands only: anyone can send those in bulk
        boolean refusedUser = caller != null && "refused".equals(result);
        if (!adminOnly(d) && !byAdmin && !refusedUser) {
            return;
        }
        if (success && readOnly(d.name())) {
            return;
        }
        CallContext who = caller != null ? caller
                : new CallContext(0, null, 0, null, "(unauthenticated)", 0, null, Role.USER, address);
        String description = api + " " + d.name() + " by " + who.accountName() + " (user " + who.userId() + ") from "
                + address + ": " + result;
        // the event is about the calling user (the command may name no single resource); none when unidentified
        events.record(who, TYPE, success ? "INFO" : "WARN", success ? "Completed" : capitalized(result), description,
                who.userUuid() == null ? null : "User", who.userUuid());
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
