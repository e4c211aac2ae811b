package news.dateline.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import news.dateline.platform.Slugs;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.taxonomy.AuthorRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts and their rules: usernames are unique regardless of case, passwords follow
 * {@link Passwords}, and the site always keeps at least one administrator who can sign in.
 * Other features learn who is signed in from the request ({@code platform.SignedIn}, left by SignedInAccountFilter).
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,60}");

    private final AccountRepository repository;
    private final AuthorRepository authors;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;

    Accounts(AccountRepository repository, AuthorRepository authors, PasswordEncoder passwords, Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.authors = authors;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The account with this username (any case), disabled or not. */
    public Optional<Account> find(String username) {
        return repository.findByUsername(username).map(AccountRepository.StoredAccount::account);
    }

    /** The account with its session epoch, for the check on every staff request (SignedInAccountFilter). */
    Optional<AccountRepository.StoredAccount> findSignedIn(String username) {
        return repository.findByUsername(username);
    }

    int sessionEpoch(long id) {
        return repository.findById(id).map(AccountRepository.StoredAccount::sessionEpoch).orElse(0);
    }

    public Optional<Account> find(long id) {
        return repository.findById(id).map(AccountRepository.StoredAccount::account);
    }

    /** The account whose email address this is (any case), disabled or not. */
    public Optional<Account> findByEmail(String email) {
        return Emails.normalise(email).flatMap(repository::findByEmail).map(AccountRepository.StoredAccount::account);
    }

    /** The account's email address, if it has one. */
    public Optional<String> email(long id) {
        return repository.findById(id).map(AccountRepository.StoredAccount::email);
    }

    /** Every account's address by account id (accounts without one are missing), for the users screen. */
    public Map<Long, String> emails() {
        return repository.emails();
    }

    /** Whether {@code password} is the account's current one (account.email asks before mailing a link). */
    public boolean passwordIs(long id, String password) {
        return password != null && repository.findById(id)
                .filter(stored -> passwords.matches(password, stored.passwordHash())).isPresent();
    }

    /**
     * Sets or changes an account's address for reset links and invitations; blank removes it. Refused when the
     * address is malformed or another account has it.
     */
    @Transactional
    public void changeEmail(long id, String email) {
        if (email == null || email.isBlank()) {
            repository.updateEmail(id, null);
            return;
        }
        String normalised = Emails.normalise(email)
                .orElseThrow(() -> Refusal.invalid(Map.of("email", AccountMessages.EMAIL_SHAPE)));
        if (repository.findByEmail(normalised).filter(other -> other.account().id() != id).isPresent()) {
            throw Refusal.invalid(Map.of("email", AccountMessages.EMAIL_TAKEN));
        }
        repository.updateEmail(id, normalised);
    }

    /**
     * An account for someone invited by email: the role an admin chose, a username (blank: made from the address),
     * and no password anyone knows until the invitee sets one from the mailed link (the stored hash is not a
     * bcrypt hash, so no password matches it).
     */
    @Transactional
    public Account invite(String email, String roleName, String username) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> address = Emails.normalise(email);
        if (address.isEmpty()) {
            problems.put("email", AccountMessages.EMAIL_SHAPE);
        } else if (repository.findByEmail(address.get()).isPresent()) {
            problems.put("email", AccountMessages.EMAIL_TAKEN);
        }
        Optional<Role> role = Role.parse(roleName);
        if (role.isEmpty()) {
            problems.put("role", AccountMessages.ROLE_REQUIRED);
        }
        String chosen = username == null ? "" : username.strip();
        if (!chosen.isEmpty() && !USERNAME.matcher(chosen).matches()) {
            problems.put("username", AccountMessages.USERNAME_SHAPE);
        } else if (!chosen.isEmpty() && repository.findByUsername(chosen).isPresent()) {
            problems.put("username", AccountMessages.USERNAME_TAKEN.formatted(chosen));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        String name = chosen.isEmpty() ? freeUsername(address.get()) : chosen;
        long id = repository.insert(name, "!invited:" + Passwords.generate(), role.orElseThrow(), null,
                clock.instant());
        repository.updateEmail(id, address.get());
        return find(id).orElseThrow();
    }

    /** "noor.haddad" from noor.haddad@example.org, "noor.haddad-2" when that is taken. */
    private String freeUsername(String email) {
        String local = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
        String base = local.length() < 2 ? "staff" : local.length() > 55 ? local.substring(0, 55) : local;
        String name = base;
        for (int n = 2; repository.findByUsername(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * A password set from a mailed link (a reset or an invitation), where no current password is asked for: the
     * same rule as every password, and it ends every session the account had.
     */
    @Transactional
    public void setPasswordFromLink(long id, String password, String confirmation) {
        Account account = find(id).orElseThrow(() -> Refusal.notFound("No such account."));
        Map<String, String> problems = new LinkedHashMap<>();
        Passwords.problem(account.username(), password).ifPresent(p -> problems.put("password", p));
        if (!problems.containsKey("password") && !password.equals(confirmation)) {
            problems.put("confirm", AccountMessages.PASSWORD_MISMATCH);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        repository.updatePassword(id, passwords.encode(password));
    }

    public List<Account> all() {
        return repository.all();
    }

    public List<UnclaimedAuthor> unclaimedAuthors() {
        return repository.unclaimedAuthors();
    }

    @Transactional
    public CreatedAccount add(NewAccount request) {
        Map<String, String> problems = new LinkedHashMap<>();
        String username = request.username() == null ? "" : request.username().strip();
        if (username.isEmpty()) {
            problems.put("username", AccountMessages.USERNAME_REQUIRED);
        } else if (!USERNAME.matcher(username).matches()) {
            problems.put("username", AccountMessages.USERNAME_SHAPE);
        } else if (repository.findByUsername(username).isPresent()) {
            problems.put("username", AccountMessages.USERNAME_TAKEN.formatted(username));
        }
        Optional<Role> role = Role.parse(request.role());
        if (role.isEmpty()) {
            problems.put("role", AccountMessages.ROLE_REQUIRED);
        }
        boolean generate = request.password() == null || request.password().isEmpty();
        String password = generate ? Passwords.generate() : request.password();
        if (!generate) {
            Passwords.problem(username, password).ifPresent(p -> problems.put("password", p));
        }
        String newAuthorName = request.newAuthorName() == null ? "" : request.newAuthorName().strip();
        if (request.authorId() != null && !newAuthorName.isEmpty()) {
            problems.put("author", AccountMessages.AUTHOR_BOTH);
        } else if (request.authorId() != null && (repository.isAuthorLinked(request.authorId())
                || repository.unclaimedAuthors().stream().noneMatch(a -> a.id() == request.authorId()))) {
            problems.put("author", AccountMessages.AUTHOR_UNKNOWN);
        } else if (!newAuthorName.isEmpty() && Slugs.of(newAuthorName).isEmpty()) {
            problems.put("author", AccountMessages.AUTHOR_NAME_UNUSABLE);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Long authorId = newAuthorName.isEmpty() ? request.authorId() : Long.valueOf(newAuthor(newAuthorName));
        long id = repository.insert(username, passwords.encode(password), role.orElseThrow(), authorId,
                clock.instant());
        audit.record(AuditAction.ACCOUNT_CREATED, username, role.orElseThrow().column());
        return new CreatedAccount(find(id).orElseThrow(), generate ? password : null);
    }

    /** A new byline under a free slug: a second "Sam Lee" becomes sam-lee-2. */
    private long newAuthor(String name) {
        String base = Slugs.of(name);
        String slug = base;
        for (int n = 2; authors.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return authors.insert(slug, name, "");
    }

    @Transactional
    public void changeRole(long id, Role role) {
        Account account = find(id).orElseThrow(() -> Refusal.notFound("No such account."));
        if (account.isAdmin() && role != Role.ADMIN && !account.disabled()) {
            requireAnotherAdmin(account);
        }
        repository.updateRole(id, role);
        audit.record(AuditAction.ROLE_CHANGED, account.username(), account.role().column() + " → " + role.column());
    }

    @Transactional
    public void setDisabled(long id, boolean disabled, String actingUsername) {
        Account account = find(id).orElseThrow(() -> Refusal.notFound("No such account."));
        if (disabled && account.username().equalsIgnoreCase(actingUsername)) {
            throw Refusal.conflict(AccountMessages.NOT_YOURSELF);
        }
        if (disabled && account.isAdmin()) {
            requireAnotherAdmin(account);
        }
        repository.updateDisabled(id, disabled);
        audit.record(disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED, account.username(), "");
    }

    /** Inside the caller's transaction, after waiting for any other change to who is an admin (see the lock). */
    private void requireAnotherAdmin(Account account) {
        repository.lockAdministrators();
        if (repository.countActiveAdminsExcept(account.id()) == 0) {
            throw Refusal.conflict(AccountMessages.LAST_ADMIN.formatted(account.username()));
        }
    }

    /** An administrator sets someone's password; blank generates one, which is returned to show once. */
    @Transactional
    public String resetPassword(long id, String password) {
        Account account = find(id).orElseThrow(() -> Refusal.notFound("No such account."));
        boolean generate = password == null || password.isEmpty();
        String chosen = generate ? Passwords.generate() : password;
        if (!generate) {
            Passwords.problem(account.username(), chosen).ifPresent(p -> {
                throw Refusal.invalid(Map.of("password", p));
            });
        }
        repository.updatePassword(id, passwords.encode(chosen));
        audit.record(AuditAction.PASSWORD_SET, account.username(), generate ? "generated" : "chosen");
        return generate ? chosen : null;
    }

    /**
     * The signed-in person changes their own password, proving they know the current one. Answers the account's
     * new session epoch: the session that made the change keeps it and stays signed in, every other one ends.
     */
    @Transactional
    public int changeOwnPassword(String username, String current, String replacement, String confirmation) {
        var stored = repository.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("No such account."));
        Map<String, String> problems = new LinkedHashMap<>();
        if (current == null || !passwords.matches(current, stored.passwordHash())) {
            problems.put("current", AccountMessages.CURRENT_PASSWORD_WRONG);
        }
        Passwords.problem(stored.account().username(), replacement).ifPresent(p -> problems.put("password", p));
        if (!problems.containsKey("password") && !replacement.equals(confirmation)) {
            problems.put("confirm", AccountMessages.PASSWORD_MISMATCH);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        repository.updatePassword(stored.account().id(), passwords.encode(replacement));
        return stored.sessionEpoch() + 1;
    }
}
