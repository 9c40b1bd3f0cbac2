package io.skyport.api.view.infra;

/** CloudStack's ostype response. */
public record OsTypeView(String id, String name, String description, String oscategoryid, String oscategoryname,
                         boolean isuserdefined, boolean fordisplay) {
}
