package news.dateline.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import news.dateline.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address over a sliding window (5 and 20 in 15 minutes by
 * default). Once a limit is reached, attempts are refused without looking at the password until the oldest
 * counted failure leaves the window; refused attempts are not counted, so an attacker can hold an account
 * shut for one window at a time, never for good, and the right password works as soon as it is over.
 * In this node's memory: with N nodes a guesser gets at most N times the limit.
 */
@Component
class LoginThrottle {

    private static final long MAX_TRACKED = 100_000;

    /** Why an attempt is refused, and from when the next one is allowed. */
    record Refusal(String message, Instant until) {
    }

    private final LoginProperties limits;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final Cache<String, Deque<Instant>> byAccount;
    private final Cache<String, Deque<Instant>> byAddress;

    LoginThrottle(LoginProperties limits, SiteProperties site, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH).withZone(site.timeZone());
        this.byAccount = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(MAX_TRACKED).build();
        this.byAddress = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(MAX_TRACKED).build();
    }

    /** Empty when this attempt may go ahead. */
    Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        return blockedUntil(byAccount, accountKey(username), limits.failuresPerAccount(), now)
                .map(until -> refusal(AccountMessages.TOO_MANY_FOR_ACCOUNT, until, now))
                .or(() -> blockedUntil(byAddress, address, limits.failuresPerAddress(), now)
                        .map(until -> refusal(AccountMessages.TOO_MANY_FROM_ADDRESS, until, now)));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(byAccount, accountKey(username), limits.failuresPerAccount(), now);
        record(byAddress, address, limits.failuresPerAddress(), now);
    }

    /** The account's owner got in: earlier guesses at it no longer count against them. */
    void succeeded(String username) {
        byAccount.invalidate(accountKey(username));
    }

    private Optional<Instant> blockedUntil(Cache<String, Deque<Instant>> cache, String key, int limit, Instant now) {
        Deque<Instant> failures = cache.getIfPresent(key);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            forgetOld(failures, now);
            return failures.size() >= limit ? Optional.of(failures.peekFirst().plus(limits.window()))
                    : Optional.empty();
        }
    }

    private void record(Cache<String, Deque<Instant>> cache, String key, int limit, Instant now) {
        Deque<Instant> failures = cache.get(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            forgetOld(failures, now);
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.removeFirst();
            }
        }
    }

    private void forgetOld(Deque<Instant> failures, Instant now) {
        Instant start = now.minus(limits.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(start)) {
            failures.removeFirst();
        }
    }

    private Refusal refusal(String message, Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return new Refusal(message.formatted(time.format(until), minutes), until);
    }

    private static String accountKey(String username) {
        return Usernames.key(username);
    }
}
