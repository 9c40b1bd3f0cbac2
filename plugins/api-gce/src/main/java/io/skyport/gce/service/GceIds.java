package io.skyport.gce.service;

import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.identity.Account;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GCE's numeric resource ids (uint64, shown as strings): minted at random once per resource and
 * stored, never derived from anything that could change.
 */
public class GceIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Stored ids never change, so those read are remembered (bounded: the oldest go first). */
    private static final int REMEMBERED = 200_000;

    private final ExternalIdDao ids;
    private final Map<String, Long> known = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public GceIds(ExternalIdDao ids) {
        this.ids = ids;
    }

    /** A project's number (the numeric id projects.get and the metadata server show): its account's. */
    public long projectNumber(Account account) {
        return id("projectNumber", account.uuid(), account.id());
    }

    public long id(String kind, String uuid, long accountId) {
        Long cached = known.get(kind + ":" + uuid);
        if (cached != null) {
            return cached;
        }
        long id = Long.parseUnsignedLong(ids.obtain(Projects.API, kind, uuid, accountId, GceIds::mint));
        known.put(kind + ":" + uuid, id);
        return id;
    }

    /**
     * Records an id minted before its resource existed: an insert answers its Operation's
     * targetId at once, and the resource made by the job later keeps that id.
     */
    public void assign(String kind, String uuid, long id, long accountId) {
        ids.assign(Projects.API, kind, uuid, Long.toUnsignedString(id), accountId);
        known.put(kind + ":" + uuid, id);
    }

    public void forget(String kind, String uuid) {
        ids.forget(Projects.API, kind, uuid);
        known.remove(kind + ":" + uuid);
    }

    /** Ids of many resources at once, minting the missing ones. */
    public Map<String, Long> ids(String kind, Collection<String> uuids, long accountId) {
        List<String> unknown = new ArrayList<>();
        Map<String, Long> out = new HashMap<>();
        for (String uuid : uuids) {
            Long cached = known.get(kind + ":" + uuid);
            if (cached != null) {
                out.put(uuid, cached);
            } else {
                unknown.add(uuid);
            }
        }
        if (unknown.isEmpty()) {
            return out;
        }
        Map<String, String> stored = ids.findAll(Projects.API, kind, unknown);
        for (String uuid : unknown) {
            String id = stored.get(uuid);
            if (id != null) {
                long n = Long.parseUnsignedLong(id);
                known.put(kind + ":" + uuid, n);
                out.put(uuid, n);
            } else {
                out.put(uuid, id(kind, uuid, accountId));
            }
        }
        return out;
    }

    /** A random id below 2^63 with 19 digits, as GCE's look. */
    public static String mint() {
        long n = 1_000_000_000_000_000_000L + Math.floorMod(RANDOM.nextLong(), 8_000_000_000_000_000_000L);
        return Long.toString(n);
    }
}
