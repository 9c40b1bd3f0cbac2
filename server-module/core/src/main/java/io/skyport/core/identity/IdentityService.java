package io.skyport.core.identity;

import io.skyport.core.event.EventService;
import io.skyport.core.identity.Account.AccountState;
import io.skyport.core.security.PasswordHasher;
import io.skyport.core.security.SecretCipher;
import io.skyport.core.security.Tokens;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/** Domains, accounts, users, keys and sessions: the rules; DAOs hold the rows. */
public class IdentityService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}");
    private static final Duration SESSION_TTL = Duration.ofMinutes(30);

    private final DomainDao domains;
    private final AccountDao accounts;
    private final UserDao users;
    private final SessionDao sessions;
    private final PrincipalDao principals;
    private final PasswordHasher hasher;
    private final SecretCipher cipher;
    private final EventService events;
    private final TransactionTemplate tx;

    public IdentityService(DomainDao domains, AccountDao accounts, UserDao users, SessionDao sessions,
                           PrincipalDao principals, PasswordHasher hasher, SecretCipher cipher, EventService events,
                           TransactionTemplate tx) {
        this.domains = domains;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.principals = principals;
        this.hasher = hasher;
        this.cipher = cipher;
        this.events = events;
        this.tx = tx;
    }

    /** Credentials created by the first start; empty fields when the admin already existed. */
    public record Bootstrap(boolean created, String username, String password, String apiKey, String secretKey) {
    }

    /** Creates the ROOT domain and the admin account on an empty database. */
    public Bootstrap bootstrap(String adminPassword) {
        return tx.execute(status -> {
            if (domains.findByPath("ROOT").isPresent()) {
                return new Bootstrap(false, "admin", null, null, null);
            }
            long rootId = domains.insert(UUID.randomUUID().toString(), "ROOT", null, "ROOT", 0);
            long accountId = accounts.insert(UUID.randomUUID().toString(), "admin", rootId, Role.ADMIN, true);
            String password = adminPassword != null ? adminPassword : Tokens.random(12);
            long userId = users.insert(new UserDao.NewUser(UUID.randomUUID().toString(), accountId, "admin",
                    hasher.hash(password), "Admin", "User", null, null, true));
            Keys keys = newKeys(userId);
            return new Bootstrap(true, "admin", password, keys.apikey(), keys.secretkey());
        });
    }

    public record Keys(String apikey, String secretkey) {
    }

    private Keys newKeys(long userId) {
        String apiKey = Tokens.apiKey();
        String secret = Tokens.apiKey();
        users.setKeys(userId, apiKey, cipher.encrypt(secret));
        return new Keys(apiKey, secret);
    }

    /** A user with its account and domain, as authentication resolves it. */
    public record Principal(User user, Account account, Domain domain) {
        public CallContext context(String remote) {
            return new CallContext(user.id(), user.uuid(), account.id(), account.uuid(), account.name(),
                    domain.id(), domain.path(), account.role(), remote);
        }

        public boolean enabled() {
            return user.state() == AccountState.ENABLED && account.state() == AccountState.ENABLED;
        }
    }

    public Optional<Principal> principal(long userId) {
        return principals.findByUserId(userId);
    }

    private Optional<Principal> principalOf(User u) {
        return accounts.findById(u.accountId())
                .flatMap(a -> domains.findById(a.domainId()).map(d -> new Principal(u, a, d)));
    }

    /** The enabled principal owning an API key, with its decrypted secret, for signature checks. */
    public Optional<KeyedPrincipal> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 128) {
            return Optional.empty();
        }
        return principals.findByApiKey(apiKey).filter(p -> p.user().secretKeyEncrypted() != null)
                .filter(Principal::enabled)
                .map(p -> new KeyedPrincipal(p, cipher.decrypt(p.user().secretKeyEncrypted())));
    }

    public record KeyedPrincipal(Principal principal, String secretKey) {
    }

    /** Password login; the same empty answer for every failure. Returns the new session key. */
    public Optional<Session> login(String username, String password, String domainPath) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String path = domainPath == null || domainPath.isBlank() || "/".equals(domainPath) ? "ROOT"
                : domainPath.startsWith("ROOT") ? domainPath : "ROOT/" + domainPath.replaceAll("^/+", "");
        Optional<Principal> p = domains.findByPath(path.replaceAll("/+$", ""))
                .flatMap(d -> users.findByUsername(d.id(), username)).flatMap(this::principalOf)
                .filter(Principal::enabled)
                .filter(pr -> hasher.verify(password, pr.user().passwordHash()));
        return p.map(pr -> {
            String key = Tokens.random(24);
            sessions.insert(key, pr.user().id(), Instant.now().plus(SESSION_TTL));
            events.record(pr.context("-"), "USER.LOGIN", "user has logged in", "User", pr.user().uuid());
            return new Session(key, pr);
        });
    }

    public record Session(String key, Principal principal) {
    }

    /** The principal of a live session, sliding its expiry. */
    public Optional<Principal> bySession(String key) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return sessions.userOf(key, now).flatMap(this::principal).filter(Principal::enabled).map(p -> {
            sessions.extend(key, now.plus(SESSION_TTL));
            return p;
        });
    }

    public void logout(String key) {
        sessions.delete(key);
    }

    public Domain createDomain(CallContext caller, String name, Long parentId) {
        requireAdmin(caller);
        checkName("name", name);
        Domain parent = parentId == null ? domains.findByPath("ROOT").orElseThrow() : visibleDomain(caller, parentId);
        String path = parent.path() + "/" + name;
        if (domains.findByPath(path).isPresent()) {
            throw new ApiException(ApiError.CONFLICT, "Domain with name " + name + " already exists for the parent id="
                    + parent.uuid());
        }
        long id = domains.insert(UUID.randomUUID().toString(), name, parent.id(), path, parent.level() + 1);
        Domain d = domains.findById(id).orElseThrow();
        events.record(caller, "DOMAIN.CREATE", "Creating domain " + name, "Domain", d.uuid());
        return d;
    }

    public Domain visibleDomain(CallContext caller, long domainId) {
        return domains.findById(domainId).filter(d -> Visibility.of(caller).sees(-1, d.path())
                        || d.path().equals(caller.domainPath()))
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find domain by id"));
    }

    public record NewAccount(String accountName, Role role, Long domainId, String username, String password,
                             String email, String firstname, String lastname, String timezone) {
    }

    public Account createAccount(CallContext caller, NewAccount n) {
        requireAccountManager(caller);
        String accountName = n.accountName() == null || n.accountName().isBlank() ? n.username() : n.accountName();
        checkName("account", accountName);
        checkName("username", n.username());
        if (n.role() == Role.ADMIN && !caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "Only root admins may create admin accounts");
        }
        Domain domain = n.domainId() == null ? domains.findByPath(caller.domainPath()).orElseThrow()
                : visibleDomain(caller, n.domainId());
        Account created = tx.execute(status -> {
            if (accounts.findByName(domain.id(), accountName).isPresent()) {
                throw new ApiException(ApiError.CONFLICT, "The specified account: " + accountName
                        + " already exists");
            }
            checkUsernameFree(domain.id(), n.username());
            long accountId = accounts.insert(UUID.randomUUID().toString(), accountName, domain.id(), n.role(), false);
            users.insert(new UserDao.NewUser(UUID.randomUUID().toString(), accountId, n.username(),
                    hasher.hash(n.password()), n.firstname(), n.lastname(), n.email(), n.timezone(), false));
            return accounts.findById(accountId).orElseThrow();
        });
        events.record(caller, "ACCOUNT.CREATE", "Creating account " + accountName, "Account", created.uuid());
        return created;
    }

    public record NewUser(long accountId, String username, String password, String email, String firstname,
                          String lastname, String timezone) {
    }

    public User createUser(CallContext caller, NewUser n) {
        requireAccountManager(caller);
        checkName("username", n.username());
        Account account = visibleAccount(caller, n.accountId());
        User u = tx.execute(status -> {
            checkUsernameFree(account.domainId(), n.username());
            long id = users.insert(new UserDao.NewUser(UUID.randomUUID().toString(), account.id(), n.username(),
                    hasher.hash(n.password()), n.firstname(), n.lastname(), n.email(), n.timezone(), false));
            return users.findById(id).orElseThrow();
        });
        events.record(caller, "USER.CREATE", "Creating user " + n.username(), "User", u.uuid());
        return u;
    }

    private void checkUsernameFree(long domainId, String username) {
        if (users.findByUsername(domainId, username).isPresent()) {
            throw new ApiException(ApiError.CONFLICT, "The user " + username + " already exists in domain");
        }
    }

    public Account visibleAccount(CallContext caller, long accountId) {
        Visibility v = Visibility.of(caller);
        return accounts.findById(accountId)
                .filter(a -> v.sees(a.id(), domains.findById(a.domainId()).map(Domain::path).orElse("")))
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find account by id"));
    }

    public User visibleUser(CallContext caller, long userId) {
        User u = users.findById(userId)
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Unable to find user by id"));
        if (u.id() != caller.userId()) {
            visibleAccount(caller, u.accountId());
        }
        return u;
    }

    /** Users may regenerate their own keys; account managers those of users they see. */
    public Keys registerUserKeys(CallContext caller, long userId) {
        User u = visibleUser(caller, userId);
        if (u.id() != caller.userId()) {
            requireAccountManager(caller);
        }
        Keys keys = newKeys(u.id());
        events.record(caller, "REGISTER.USER.KEY", "Registering API keys of user " + u.username(), "User", u.uuid());
        return keys;
    }

    public Optional<Keys> userKeys(CallContext caller, long userId) {
        User u = visibleUser(caller, userId);
        if (u.id() != caller.userId()) {
            requireAccountManager(caller);
        }
        if (u.apiKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new Keys(u.apiKey(), cipher.decrypt(u.secretKeyEncrypted())));
    }

    public User updateUser(CallContext caller, long userId, UserDao.Update update, String newPassword) {
        User u = visibleUser(caller, userId);
        if (u.id() != caller.userId()) {
            requireAccountManager(caller);
        }
        if (update.username() != null) {
            checkName("username", update.username());
            Account a = accounts.findById(u.accountId()).orElseThrow();
            users.findByUsername(a.domainId(), update.username()).filter(other -> other.id() != u.id())
                    .ifPresent(other -> {
                        throw new ApiException(ApiError.CONFLICT, "The user " + update.username() + " already exists");
                    });
        }
        UserDao.Update withHash = new UserDao.Update(update.firstname(), update.lastname(), update.email(),
                update.timezone(), update.username(), newPassword == null ? null : hasher.hash(newPassword));
        users.update(u.id(), withHash);
        events.record(caller, "USER.UPDATE", "Updating user " + u.username(), "User", u.uuid());
        return users.findById(u.id()).orElseThrow();
    }

    public Account setAccountState(CallContext caller, long accountId, AccountState state) {
        requireAccountManager(caller);
        Account a = visibleAccount(caller, accountId);
        if (a.id() == caller.accountId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to change the state of the caller's own account");
        }
        tx.executeWithoutResult(s -> {
            accounts.setState(a.id(), state);
            users.setStateForAccount(a.id(), state);
            if (state != AccountState.ENABLED) {
                sessions.deleteForUsersOfAccount(a.id());
            }
        });
        events.record(caller, state == AccountState.ENABLED ? "ACCOUNT.ENABLE" : "ACCOUNT.DISABLE",
                "Account " + a.name() + " is now " + state.wire(), "Account", a.uuid());
        return accounts.findById(a.id()).orElseThrow();
    }

    /** Refuses before any work starts: default accounts and the caller's own cannot be deleted. */
    public Account checkDeletable(CallContext caller, long accountId) {
        requireAccountManager(caller);
        Account a = visibleAccount(caller, accountId);
        if (a.isDefault() || a.id() == caller.accountId()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Unable to delete account " + a.name()
                    + ": it is a default account or the caller's own");
        }
        return a;
    }

    public void deleteAccount(CallContext caller, long accountId) {
        Account a = checkDeletable(caller, accountId);
        tx.executeWithoutResult(s -> {
            sessions.deleteForUsersOfAccount(a.id());
            users.markRemovedForAccount(a.id());
            accounts.markRemoved(a.id());
        });
        events.record(caller, "ACCOUNT.DELETE", "Deleting account " + a.name(), "Account", a.uuid());
    }

    private static void requireAdmin(CallContext caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(ApiError.FORBIDDEN, "The caller is not a root administrator");
        }
    }

    private static void requireAccountManager(CallContext caller) {
        if (!Visibility.canManageAccounts(caller)) {
            throw new ApiException(ApiError.FORBIDDEN, "The caller may not manage accounts");
        }
    }

    private static void checkName(String param, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ApiException(ApiError.PARAM_ERROR, "Invalid value for parameter " + param
                    + ": use letters, digits and . _ @ + - (at most 255 characters)");
        }
    }

    public DomainDao domains() {
        return domains;
    }

    public AccountDao accounts() {
        return accounts;
    }

    public UserDao users() {
        return users;
    }
}
