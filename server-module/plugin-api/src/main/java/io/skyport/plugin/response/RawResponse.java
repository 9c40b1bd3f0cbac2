package io.skyport.plugin.response;

import java.util.Map;

/** A response whose fields are given as an ordered map, for shapes not worth a class. */
public record RawResponse(Map<String, Object> fields) {
}
