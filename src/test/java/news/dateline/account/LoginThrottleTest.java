package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import news.dateline.platform.SiteProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteDataSource;

/**
 * The throttle's rules over time, which a journey cannot wait for, on a real table built by the migration: an
 * address is locked for one window, never for good; an account is only ever slowed down, more with each failure.
 */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private LoginThrottle throttle;

    @BeforeEach
    void table(@TempDir Path dir) throws IOException {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + dir.resolve("throttle.db"));
        JdbcClient jdbc = JdbcClient.create(data);
        try (InputStream migration = getClass().getResourceAsStream(
                "/db/migration/common/V10__create_sign_in_failure.sql")) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        }
        throttle = new LoginThrottle(new LoginProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1),
                Duration.ofSeconds(10), null),
                new SiteProperties("Dateline", "", "http://localhost", ZoneId.of("UTC"), "en", 20), clock, jdbc);
    }

    @Test
    void anAccountPastItsLimitIsSlowedDownMoreWithEachFailureButNeverLocked() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("amara", "203.0.113." + i);
        }
        assertThat(throttle.slowDown("amara")).as("four failures").isZero();
        assertThat(throttle.failureMessage("amara")).isEqualTo(AccountMessages.BAD_CREDENTIALS);
        throttle.failed("Amara", "203.0.113.4");
        assertThat(throttle.slowDown("amara")).as("the fifth, whatever the case").isEqualTo(Duration.ofSeconds(1));
        throttle.failed("amara", "203.0.113.5");
        assertThat(throttle.slowDown("amara")).isEqualTo(Duration.ofSeconds(2));
        throttle.failed("amara", "203.0.113.6");
        assertThat(throttle.slowDown("amara")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.failureMessage("amara")).isEqualTo(
                "That username and password do not match. After too many failed sign-ins for this account, each"
                        + " attempt now waits 4 seconds before it is checked.");
        for (int i = 0; i < 100; i++) {
            throttle.failed("amara", "198.51.100." + i);
        }
        assertThat(throttle.slowDown("amara")).as("at most the ceiling").isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.check("192.0.2.1")).as("a fresh address may try").isEmpty();
        assertThat(throttle.slowDown("someone-else")).isZero();

        clock.move(Duration.ofMinutes(15));
        assertThat(throttle.slowDown("amara")).as("after the window").isZero();
        throttle.failed("amara", "192.0.2.1");
        assertThat(throttle.slowDown("amara")).as("a new count").isZero();
    }

    @Test
    void theOwnerSigningInClearsTheSlowDown() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("amara", "203.0.113." + i);
        }
        assertThat(throttle.slowDown("amara")).isPositive();
        throttle.succeeded("amara");
        assertThat(throttle.slowDown("amara")).isZero();
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheAccountsForOneWindow() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.check("203.0.113.9")).as("failure " + i).isEmpty();
            throttle.failed("user" + i, "203.0.113.9");
            clock.move(Duration.ofSeconds(6));
        }
        // the first failure was at 09:00:00: open again at 09:15:00
        assertThat(throttle.check("203.0.113.9")).get().extracting(LoginThrottle.Refusal::message)
                .isEqualTo("Too many failed sign-ins from your network. Try again after 09:15 UTC (in 13 minutes).");
        assertThat(throttle.check("203.0.113.10")).isEmpty();
        clock.set(Instant.parse("2026-11-26T09:15:00Z"));
        assertThat(throttle.check("203.0.113.9")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
