package io.skyport.plugin.response;

/** One entity wrapped under its name: {@code {"<entity>": {...}}}. */
public record EntityResponse(String entity, Object value) {
}
