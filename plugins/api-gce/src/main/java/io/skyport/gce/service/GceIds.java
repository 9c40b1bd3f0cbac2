package io.skyport.gce.service;

import io.skyport.core.extid.ExternalIdDao;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * GCE's numeric resource ids (uint64, shown as strings): minted at random once per resource and
 * stored, never derived from anything that could change.
 */
public class GceIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExternalIdDao ids;

    public GceIds(ExternalIdDao ids) {
        this.ids = ids;
    }

    public long id(String kind, String uuid, long accountId) {
        return Long.parseUnsignedLong(ids.obtain(Projects.API, kind, uuid, accountId, GceIds::mint));
    }

    /**
     * Records an id minted before its resource existed: an insert answers its Operation's
     * targetId at once, and the resource made by the job later keeps that id.
     */
    public void assign(String kind, String uuid, long id, long accountId) {
        ids.assign(Projects.API, kind, uuid, Long.toUnsignedString(id), accountId);
    }

    public void forget(String kind, String uuid) {
        ids.forget(Projects.API, kind, uuid);
    }

    /** Ids of many resources at once, minting the missing ones. */
    public Map<String, Long> ids(String kind, Collection<String> uuids, long accountId) {
        Map<String, String> known = ids.findAll(Projects.API, kind, uuids);
        Map<String, Long> out = new HashMap<>();
        for (String uuid : uuids) {
            String id = known.get(uuid);
            out.put(uuid, id != null ? Long.parseUnsignedLong(id) : id(kind, uuid, accountId));
        }
        return out;
    }

    /** A random id below 2^63 with 19 digits, as GCE's look. */
    public static String mint() {
        long n = 1_000_000_000_000_000_000L + Math.floorMod(RANDOM.nextLong(), 8_000_000_000_000_000_000L);
        return Long.toString(n);
    }
}
