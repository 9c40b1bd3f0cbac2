package io.skyport.ec2.service;

import io.skyport.core.extid.ExternalIdDao;
import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import io.skyport.plugin.CallContext;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * EC2-style ids ({@code i-0abc...}, 17 hex digits after the prefix) for core resources, minted on
 * first sight and stored, so an id never changes and never names another resource.
 */
@Component
public class Ec2Ids {
    /** The kinds of resource that carry an EC2 id, with the id prefix and their errors. */
    public enum Kind {
        INSTANCE("i", Ec2Error.INVALID_INSTANCE_ID_MALFORMED, Ec2Error.INVALID_INSTANCE_ID_NOT_FOUND),
        RESERVATION("r", Ec2Error.INVALID_ID, Ec2Error.INVALID_ID),
        IMAGE("ami", Ec2Error.INVALID_AMI_ID_MALFORMED, Ec2Error.INVALID_AMI_ID_NOT_FOUND),
        SECURITY_GROUP("sg", Ec2Error.INVALID_GROUP_ID_MALFORMED, Ec2Error.INVALID_GROUP_NOT_FOUND),
        KEY_PAIR("key", Ec2Error.INVALID_KEY_PAIR_NOT_FOUND, Ec2Error.INVALID_KEY_PAIR_NOT_FOUND),
        VOLUME("vol", Ec2Error.INVALID_VOLUME_ID_MALFORMED, Ec2Error.INVALID_VOLUME_NOT_FOUND),
        ALLOCATION("eipalloc", Ec2Error.INVALID_ALLOCATION_ID_NOT_FOUND, Ec2Error.INVALID_ALLOCATION_ID_NOT_FOUND),
        ASSOCIATION("eipassoc", Ec2Error.INVALID_ASSOCIATION_ID_NOT_FOUND, Ec2Error.INVALID_ASSOCIATION_ID_NOT_FOUND),
        VPC("vpc", Ec2Error.INVALID_VPC_ID_NOT_FOUND, Ec2Error.INVALID_VPC_ID_NOT_FOUND),
        SUBNET("subnet", Ec2Error.INVALID_SUBNET_ID_NOT_FOUND, Ec2Error.INVALID_SUBNET_ID_NOT_FOUND);

        private final String prefix;
        private final Pattern shape;
        private final Ec2Error malformed;
        private final Ec2Error notFound;

        Kind(String prefix, Ec2Error malformed, Ec2Error notFound) {
            this.prefix = prefix;
            this.shape = Pattern.compile(prefix + "-([0-9a-f]{8}|[0-9a-f]{17})");
            this.malformed = malformed;
            this.notFound = notFound;
        }

        public String prefix() {
            return prefix;
        }

        public Ec2Error notFound() {
            return notFound;
        }

        /** Kinds whose resources several accounts use (public images, the zones' networks): visibility is checked by the caller. */
        boolean shared() {
            return this == IMAGE || this == VPC || this == SUBNET;
        }

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String API = "ec2";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ExternalIdDao dao;
    /**
     * Stored ids by kind and uuid. A stored id never changes and a uuid is never reused, so
     * every node may keep what it has read; association ids, which end with the association,
     * are not kept.
     */
    private final Map<Kind, Map<String, String>> known = new java.util.EnumMap<>(Kind.class);

    public Ec2Ids(ExternalIdDao dao) {
        this.dao = dao;
        for (Kind k : Kind.values()) {
            known.put(k, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private static boolean cacheable(Kind kind) {
        return kind != Kind.ASSOCIATION;
    }

    private void remember(Kind kind, String uuid, String externalId) {
        if (cacheable(kind)) {
            known.get(kind).put(uuid, externalId);
        }
    }

    public static String mint(Kind kind) {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return kind.prefix + "-" + HexFormat.of().formatHex(b).substring(0, 17);
    }

    /** The id of one resource, minted if it has none yet. */
    public String of(Kind kind, String uuid, long accountId) {
        String cached = known.get(kind).get(uuid);
        if (cached != null) {
            return cached;
        }
        String id = dao.obtain(API, kind.column(), uuid, accountId, () -> mint(kind));
        remember(kind, uuid, id);
        return id;
    }

    /** Ids of several resources of one kind (uuid to owning account), minting the missing ones. */
    public Map<String, String> ofAll(Kind kind, Map<String, Long> uuidsToAccount) {
        Map<String, String> out = new HashMap<>(uuidsToAccount.size() * 2);
        Map<String, String> cache = known.get(kind);
        List<String> missing = new java.util.ArrayList<>();
        for (String uuid : uuidsToAccount.keySet()) {
            String id = cache.get(uuid);
            if (id != null) {
                out.put(uuid, id);
            } else {
                missing.add(uuid);
            }
        }
        if (!missing.isEmpty()) {
            dao.findAll(API, kind.column(), missing).forEach((uuid, id) -> {
                out.put(uuid, id);
                remember(kind, uuid, id);
            });
            for (String uuid : missing) {
                if (!out.containsKey(uuid)) {
                    out.put(uuid, of(kind, uuid, uuidsToAccount.get(uuid)));
                }
            }
        }
        return out;
    }

    /** Gives several resources one shared id (the instances of one reservation). */
    public void share(Kind kind, List<String> uuids, String externalId, long accountId) {
        for (String uuid : uuids) {
            dao.assign(API, kind.column(), uuid, externalId, accountId);
        }
        // not remembered yet: the caller's transaction may still roll back
    }

    /** Uuids of the instances of one reservation, in launch order. */
    public List<String> reservationMembers(String reservationId) {
        return dao.resolveAll(API, Kind.RESERVATION.column(), reservationId);
    }

    public Optional<String> existing(Kind kind, String uuid) {
        return dao.find(API, kind.column(), uuid);
    }

    /**
     * The core uuid of an id the caller's account owns. A malformed id is the kind's
     * {@code .Malformed} error; an unknown id and another account's are the same
     * {@code .NotFound}.
     */
    public String resolve(Kind kind, String externalId, CallContext caller, String param) {
        return find(kind, externalId, caller, param)
                .orElseThrow(() -> new Ec2Exception(kind.notFound, notFoundMessage(kind, externalId)));
    }

    /** As {@link #resolve}, but an unknown id is empty rather than an error. */
    public Optional<String> find(Kind kind, String externalId, CallContext caller, String param) {
        if (externalId == null || !kind.shape.matcher(externalId).matches()) {
            throw new Ec2Exception(kind.malformed, "Invalid id: \"" + externalId + "\" (expecting \"" + kind.prefix
                    + "-...\") for parameter " + param);
        }
        return dao.resolve(API, kind.column(), externalId)
                .filter(m -> kind.shared() || m.accountId() == caller.accountId())
                .map(ExternalIdDao.Mapping::uuid);
    }

    public static String notFoundMessage(Kind kind, String externalId) {
        return switch (kind) {
            case INSTANCE -> "The instance ID '" + externalId + "' does not exist";
            case IMAGE -> "The image id '[" + externalId + "]' does not exist";
            case SECURITY_GROUP -> "The security group '" + externalId + "' does not exist";
            case VOLUME -> "The volume '" + externalId + "' does not exist.";
            case ALLOCATION -> "The allocation ID '" + externalId + "' does not exist";
            case ASSOCIATION -> "The association ID '" + externalId + "' does not exist";
            default -> "The ID '" + externalId + "' does not exist";
        };
    }

    public void forget(Kind kind, String uuid) {
        known.get(kind).remove(uuid);
        dao.forget(API, kind.column(), uuid);
    }
}
