package io.skyport.core.catalog;

public record OsType(long id, String uuid, String description, String category) {
}
