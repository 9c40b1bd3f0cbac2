package io.skyport.gce.service;

import io.skyport.core.extid.ExternalIdDao;
import io.skyport.core.identity.Account;
import io.skyport.core.identity.AccountDao;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * A GCE project is an account. Its id is derived from the account name once (lowercase letters,
 * digits and hyphens, starting with a letter, as GCE project ids are), made unique with a
 * suffix when taken, and stored so that renaming nothing can ever change it.
 */
public class Projects {
    public static final String API = "gce";
    private static final String KIND = "project";

    private final ExternalIdDao ids;
    private final AccountDao accounts;
    private final Map<String, Long> owners = new ConcurrentHashMap<>();

    public Projects(ExternalIdDao ids, AccountDao accounts) {
        this.ids = ids;
        this.accounts = accounts;
    }

    public String projectOf(Account account) {
        return ids.find(API, KIND, account.uuid()).orElseGet(() -> mint(account));
    }

    /** The account owning a project id. Ids never change, so a found one is remembered. */
    public Optional<Long> accountOf(String projectId) {
        Long known = owners.get(projectId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = ids.resolve(API, KIND, projectId).map(ExternalIdDao.Mapping::accountId);
        found.ifPresent(a -> owners.put(projectId, a));
        return found;
    }

    public String projectOf(long accountId) {
        return projectOf(accounts.findById(accountId).orElseThrow());
    }

    private String mint(Account account) {
        return ids.obtain(API, KIND, account.uuid(), account.id(), () -> {
            String base = slug(account.name());
            for (int n = 0; ; n++) {
                String candidate = n == 0 ? base : base + "-" + n;
                if (ids.resolve(API, KIND, candidate).isEmpty()) {
                    return candidate;
                }
            }
        });
    }

    /** A valid project id from any name: {@code [a-z][-a-z0-9]{4,28}[a-z0-9]}. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "")
                .replaceAll("-+$", "");
        if (s.length() < 6) {
            s = ("project-" + s).replaceAll("-+$", "");
        }
        if (s.length() > 26) {
            s = s.substring(0, 26).replaceAll("-+$", "");
        }
        return s;
    }
}
