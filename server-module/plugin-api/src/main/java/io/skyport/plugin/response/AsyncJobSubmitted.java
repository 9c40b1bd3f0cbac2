package io.skyport.plugin.response;

/** Answer of an async command: the job id, and the id of the resource it creates, if any. */
public record AsyncJobSubmitted(String jobid, String id) {
}
