package news.dateline.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.StoreBusy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address and per account, in the database ({@code sign_in_failure}), so every
 * node applies the same limits. The two are treated differently on purpose (docs/newsroom.md):
 * <ul>
 * <li>an <b>address</b> with too many failures (20 in 15 minutes by default) is locked: its attempts are refused
 * without looking at the password until its window is over;</li>
 * <li>an <b>account</b> is never locked, because a lock that anyone can trigger from five addresses shuts the real
 * owner out from everywhere. Past its limit (5) every attempt on it is slowed down before the password is checked,
 * the delay doubling with each further failure up to a ceiling, and the right password still signs in.</li>
 * </ul>
 * Attempts refused by an address lock are not counted. Each count runs over a fixed window from its first failure.
 */
@Component
class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";

    /** Why an attempt is refused, and from when the next one is allowed. */
    record Refusal(String message, Instant until) {
    }

    private final LoginProperties limits;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final DateTimeFormatter time;

    LoginThrottle(LoginProperties limits, SiteProperties site, Clock clock, JdbcClient jdbc) {
        this.limits = limits;
        this.clock = clock;
        this.jdbc = jdbc;
        this.time = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH).withZone(site.timeZone());
    }

    /** Empty when this attempt may go ahead; a refusal when its address is locked. */
    Optional<Refusal> check(String address) {
        Instant now = clock.instant();
        return count(ADDRESS, address, now)
                .filter(count -> count.failures() >= limits.failuresPerAddress())
                .map(count -> refusal(count.first().plus(limits.window()), now));
    }

    /** How long an attempt on this account waits before its password is checked: zero until it is past its limit. */
    Duration slowDown(String username) {
        int over = count(ACCOUNT, Usernames.key(username), clock.instant())
                .map(count -> count.failures() - limits.failuresPerAccount()).orElse(-1);
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = limits.slowDown().multipliedBy(1L << Math.min(over, 20));
        return delay.compareTo(limits.maxSlowDown()) > 0 ? limits.maxSlowDown() : delay;
    }

    /** What the sign-in form says after a wrong password: the account's slow-down, once it has one. */
    String failureMessage(String username) {
        Duration delay = slowDown(username);
        if (delay.isZero()) {
            return AccountMessages.BAD_CREDENTIALS;
        }
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        return AccountMessages.ACCOUNT_SLOWED.formatted(seconds);
    }

    /** Counts a failure against the account and the address, and forgets counts whose window is over. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        unlessBusy(() -> {
            record(ACCOUNT, Usernames.key(username), now);
            record(ADDRESS, address, now);
            jdbc.sql("DELETE FROM sign_in_failure WHERE last_failed_at <= :cutoff")
                    .param("cutoff", now.minus(limits.window()).toEpochMilli()).update();
        });
    }

    /** Counts a failure against the address alone: a passkey nobody has, which names no account. */
    void failedFrom(String address) {
        Instant now = clock.instant();
        unlessBusy(() -> record(ADDRESS, address, now));
    }

    /** The account's owner got in: earlier guesses at it no longer slow them down. */
    void succeeded(String username) {
        unlessBusy(() -> jdbc.sql("DELETE FROM sign_in_failure WHERE scope = 'account' AND subject = :subject")
                .param("subject", Usernames.key(username)).update());
    }

    /** A count that cannot be written while the database is busy is lost, said once in the log, not a 500. */
    private static void unlessBusy(Runnable write) {
        try {
            write.run();
        } catch (DataAccessException failure) {
            if (!StoreBusy.is(failure)) {
                throw failure;
            }
            LOG.warn("A sign-in count was not stored, the database is busy: {}", failure.getMessage());
        }
    }

    private record Count(int failures, Instant first) {
    }

    private Optional<Count> count(String scope, String subject, Instant now) {
        return jdbc.sql("""
                        SELECT failures, first_failed_at FROM sign_in_failure
                        WHERE scope = :scope AND subject = :subject AND first_failed_at > :windowStart
                        """)
                .param("scope", scope).param("subject", subject)
                .param("windowStart", now.minus(limits.window()).toEpochMilli())
                .query((row, n) -> new Count(row.getInt(1), Instant.ofEpochMilli(row.getLong(2))))
                .optional();
    }

    /** One more failure; one that comes after the window starts a new count. The same SQL on both databases. */
    private void record(String scope, String subject, Instant now) {
        jdbc.sql("""
                        INSERT INTO sign_in_failure (scope, subject, failures, first_failed_at, last_failed_at)
                        VALUES (:scope, :subject, 1, :now, :now)
                        ON CONFLICT (scope, subject) DO UPDATE SET
                            failures = CASE WHEN sign_in_failure.first_failed_at <= :windowStart THEN 1
                                            ELSE sign_in_failure.failures + 1 END,
                            first_failed_at = CASE WHEN sign_in_failure.first_failed_at <= :windowStart THEN :now
                                                   ELSE sign_in_failure.first_failed_at END,
                            last_failed_at = :now
                        """)
                .param("scope", scope).param("subject", subject).param("now", now.toEpochMilli())
                .param("windowStart", now.minus(limits.window()).toEpochMilli())
                .update();
    }

    private Refusal refusal(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return new Refusal(AccountMessages.TOO_MANY_FROM_ADDRESS.formatted(time.format(until), minutes), until);
    }
}
