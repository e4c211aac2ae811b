package news.dateline.account.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import news.dateline.platform.SignedIn;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin API tokens and their rules: made by an admin, acting for that admin's account with the token's own role (a
 * token can be weaker than its maker, never stronger, and stops working when the maker's account is disabled);
 * shown once, kept as a SHA-256 hash; revocable; its last use recorded (to the minute, so a busy client does not
 * write on every request). Making and revoking one is in the audit log.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "dl_";
    static final String NAME_REQUIRED = "Name the token after what will use it, e.g. \"Mobile app\".";
    static final String NAME_TOO_LONG = "Keep the name under 80 characters.";
    static final String ROLE_REQUIRED = "Choose the role the token acts with.";
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token; the returned text is the only time anyone sees it. */
    @Transactional
    public String create(String name, String role, ActingAccount by) {
        String trimmed = name == null ? "" : name.strip();
        Optional<Role> chosen = Role.parse(role);
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (trimmed.isEmpty()) {
            problems.put("name", NAME_REQUIRED);
        } else if (trimmed.length() > 80) {
            problems.put("name", NAME_TOO_LONG);
        }
        if (chosen.isEmpty()) {
            problems.put("role", ROLE_REQUIRED);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insert(trimmed, token.substring(0, 10), hash(token), chosen.get(), by.accountId(), clock.instant());
        audit.record(by, AuditAction.API_TOKEN_CREATED, trimmed, chosen.get().column());
        return token;
    }

    @Transactional
    public void revoke(long id, ActingAccount by) {
        ApiToken token = repository.find(id).orElseThrow(() -> Refusal.notFound("There is no API token " + id + "."));
        if (repository.revoke(id, clock.instant())) {
            audit.record(by, AuditAction.API_TOKEN_REVOKED, token.name(), token.role().column());
        }
    }

    public List<ApiToken> all() {
        return repository.all();
    }

    /**
     * Who a bearer token acts as, when it is a live token of an enabled account: that account, under the token's
     * name, with the weaker of the token's and the account's roles. Empty for anything else.
     */
    @Transactional
    public Optional<SignedIn> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return repository.holder(hash(token)).filter(h -> !h.accountDisabled()).map(h -> {
            Instant now = clock.instant();
            if (h.lastUsedAt() == null || h.lastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
                repository.used(h.tokenId(), now);
            }
            Role role = h.tokenRole().ordinal() >= h.accountRole().ordinal() ? h.tokenRole() : h.accountRole();
            return new SignedIn(h.accountId(), "token:" + h.name(), role, h.authorId());
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
