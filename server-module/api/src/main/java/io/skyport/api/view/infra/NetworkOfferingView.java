package io.skyport.api.view.infra;

import java.util.List;

/** CloudStack's networkoffering response. */
@SuppressWarnings("unused")
public final class NetworkOfferingView {
    String id;
    String name;
    String displaytext;
    String traffictype = "Guest";
    boolean isdefault = true;
    boolean specifyvlan = true;
    boolean conservemode = true;
    boolean specifyipranges = true;
    String availability = "Optional";
    int networkrate = 200;
    String state = "Enabled";
    String guestiptype = "Shared";
    List<Service> service = List.of();
    boolean forvpc;
    boolean fornsx;
    boolean fortungsten;
    boolean ispersistent;
    boolean egressdefaultpolicy;
    boolean supportsstrechedl2subnet;
    boolean supportspublicaccess;
    boolean supportsinternallb;
    String internetprotocol = "IPv4";
    boolean specifyasnumber;
    boolean hasannotations;
    String created;

    /** A network service and who provides it. */
    public record Service(String name, List<Provider> provider) {
    }

    /** A service provider. */
    public record Provider(String name) {
    }
}
