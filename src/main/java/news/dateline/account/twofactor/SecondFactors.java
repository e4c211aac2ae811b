package news.dateline.account.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second factor: a TOTP authenticator app (RFC 6238) with ten one-time recovery codes, and the
 * site's rule that editors and administrators must have one (docs/security.md). The secret never leaves this class
 * but sealed ({@link SecretBox}) or on the enrolment page of its owner; nothing here logs it or a code.
 */
@Service
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    private static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation for HMAC-SHA1
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** What an authenticator app needs: the secret as text and as an otpauth address (the QR code encodes it). */
    public record Enrolment(String secret, String uri) {

        /** The secret in groups of four, as a person copies it from the screen. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    private final SecondFactorRepository repository;
    private final SecretBox box;
    private final SiteProperties site;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(SecondFactorRepository repository, SecretBox box, SiteProperties site, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.site = site;
        this.clock = clock;
    }

    /** Whether this account has a second step after its password: an authenticator app or a passkey. */
    public boolean enrolled(long accountId) {
        return repository.confirmed(accountId) || repository.hasPasskey(accountId);
    }

    /** Whether this account has a passkey (account.passkey), offered at the second step beside the app. */
    public boolean hasPasskey(long accountId) {
        return repository.hasPasskey(accountId);
    }

    /** Whether this account has an authenticator app (its codes and recovery codes work at the second step). */
    public boolean appEnrolled(long accountId) {
        return repository.confirmed(accountId);
    }

    public int unusedRecoveryCodes(long accountId) {
        return repository.unusedRecoveryCodes(accountId);
    }

    /** The secret waiting for its first code, made now if there is none; empty once the account is enrolled. */
    @Transactional
    public java.util.Optional<Enrolment> enrolment(long accountId, String username) {
        var stored = repository.secret(accountId);
        if (stored.isPresent() && stored.get().confirmed()) {
            return java.util.Optional.empty();
        }
        byte[] secret;
        if (stored.isPresent()) {
            secret = box.open(accountId, stored.get().sealed());
        } else {
            secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            repository.insertUnconfirmed(accountId, box.seal(accountId, secret), clock.instant());
        }
        String text = Base32.encode(secret);
        return java.util.Optional.of(new Enrolment(text, uri(username, text)));
    }

    /**
     * The first code from the app proves it holds the secret: the account is enrolled, and its ten recovery codes
     * are returned, to be shown once. A wrong code is refused on the field {@code code}.
     */
    @Transactional
    public List<String> confirm(long accountId, String code) {
        var stored = repository.secret(accountId)
                .orElseThrow(() -> Refusal.conflict(TwoFactorMessages.NO_ENROLMENT));
        if (stored.confirmed()) {
            throw Refusal.conflict(TwoFactorMessages.ALREADY_ENROLLED);
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(box.open(accountId, stored.sealed()), code, now);
        if (step.isEmpty() || !repository.confirm(accountId, step.getAsLong(), now)) {
            throw Refusal.invalid(Map.of("code", TwoFactorMessages.WRONG_FIRST_CODE));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        repository.replaceRecoveryCodes(accountId, codes.stream().map(SecondFactors::hash).toList());
        return codes;
    }

    /**
     * The second step of a sign-in: a current code from the app, once, or an unused recovery code, once. False for
     * anything else, including a code already used (the step it belongs to has been spent).
     */
    @Transactional
    public boolean verify(long accountId, String typed) {
        var stored = repository.secret(accountId).filter(SecondFactorRepository.StoredSecret::confirmed);
        if (stored.isEmpty() || typed == null) {
            return false;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{" + Totp.DIGITS + "}")) { // a recovery code has ten characters, digits or not
            OptionalLong step = Totp.matchingStep(box.open(accountId, stored.get().sealed()), digits,
                    clock.instant());
            return step.isPresent() && repository.spendStep(accountId, step.getAsLong());
        }
        return repository.spendRecoveryCode(accountId, hash(typed), clock.instant());
    }

    /**
     * Turns the authenticator app off, proven by a current code; refused where the site requires a second factor for
     * the role and the account has no passkey to stand in for it.
     */
    @Transactional
    public void turnOff(long accountId, Role role, String code) {
        if (appIsLastFactor(accountId, role)) {
            throw Refusal.conflict(TwoFactorMessages.REQUIRED_CANNOT_TURN_OFF);
        }
        if (!verify(accountId, code)) {
            throw Refusal.invalid(Map.of("code", TwoFactorMessages.WRONG_CODE));
        }
        repository.deleteSecret(accountId);
        repository.deleteRecoveryCodes(accountId);
    }

    /** Whether the app may not be turned off: the role requires a second factor and no passkey stands in. */
    public boolean appIsLastFactor(long accountId, Role role) {
        return requiredFor(role) && !repository.hasPasskey(accountId);
    }

    /** Whether the site requires a second factor of this role: editors and administrators, when an admin says so. */
    public boolean requiredFor(Role role) {
        return (role == Role.ADMIN || role == Role.EDITOR) && repository.required();
    }

    public boolean required() {
        return repository.required();
    }

    /** Whether this signed-in account may do nothing but enrol: its role requires a factor it does not have yet. */
    public boolean mustEnrol(long accountId, Role role) {
        return requiredFor(role) && !enrolled(accountId);
    }

    @Transactional
    public void require(boolean required, String byUsername) {
        repository.setRequired(required, byUsername, clock.instant());
    }

    public List<StaffFactor> staffFactors() {
        return repository.staffFactors();
    }

    /**
     * An administrator removes someone else's second factor (a lost phone and lost recovery codes): they sign in
     * with the password alone again, or, where it is required, are sent to set up a new one.
     */
    @Transactional
    public void reset(long accountId, long actingAccountId) {
        if (accountId == actingAccountId) {
            throw Refusal.conflict(TwoFactorMessages.NOT_YOUR_OWN);
        }
        repository.deleteSecret(accountId);
        repository.deleteRecoveryCodes(accountId);
        repository.deletePasskeys(accountId); // a lost phone may hold them too: they set up new ones
    }

    private String uri(String username, String secret) {
        String issuer = site.name();
        String label = encode(issuer) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Ten characters from an alphabet without look-alikes (about 49 bits), shown as two groups of five. */
    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Recovery codes are random and long enough that a fast hash does not help a thief of the table: SHA-256 of the
     * code as typed without spaces, hyphens or case, so "ABCDE FGHJK" is the same code as "abcde-fghjk".
     */
    static String hash(String code) {
        String normal = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK provides SHA-256", e);
        }
    }
}
