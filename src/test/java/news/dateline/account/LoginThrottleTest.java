package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import news.dateline.platform.SiteProperties;
import org.junit.jupiter.api.Test;

/** The throttle's rule over time, which a journey cannot wait for: a lock lasts one window, never for good. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(5, 20, Duration.ofMinutes(15), null),
            new SiteProperties("Dateline", "", "http://localhost", ZoneId.of("UTC"), "en", 20), clock);

    @Test
    void theRightPasswordWorksAgainOnceTheWindowHasPassedHoweverLongTheGuessingWent() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check("amara", "203.0.113.5")).isEmpty();
            throttle.failed("amara", "203.0.113.5");
            clock.move(Duration.ofSeconds(30));
        }
        // the fifth failure was at 09:02:00, the first at 09:00:00: open again at 09:15:00
        assertThat(throttle.check("Amara", "192.0.2.1")).get()
                .extracting(LoginThrottle.Refusal::message)
                .isEqualTo("Too many failed sign-ins for this account. Try again after 09:15 UTC (in 13 minutes).");
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.check("amara", "198.51.100." + i)).as("refused attempts are not counted")
                    .isPresent();
            clock.move(Duration.ofSeconds(7));
        }
        clock.set(Instant.parse("2026-11-26T09:15:00Z"));
        assertThat(throttle.check("amara", "192.0.2.1")).isEmpty();
        throttle.succeeded("amara");
        assertThat(throttle.check("amara", "192.0.2.1")).isEmpty();
    }

    @Test
    void anAddressIsStoppedAfterTwentyFailuresWhateverTheAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertThat(throttle.check("someone-else", "203.0.113.9")).get()
                .extracting(LoginThrottle.Refusal::message).asString()
                .startsWith("Too many failed sign-ins from your network.");
        assertThat(throttle.check("someone-else", "203.0.113.10")).isEmpty();
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
