package news.dateline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The site's clock in journeys: real time plus an offset a test can move forward, so a story scheduled for a few
 * seconds ahead is due at once instead of in a few seconds. Every journey in a cached context shares it, so it only
 * ever moves forward, and only by seconds: it never goes back, and time keeps flowing as before.
 */
public final class MovableClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock real) {
        this(real, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock real, AtomicReference<Duration> offset) {
        this.real = real;
        this.offset = offset;
    }

    /** Moves the clock forward by {@code amount}; never back. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A movable clock only moves forward, not by " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Moves the clock forward to {@code instant}, or leaves it where it is if that time has already come. */
    public void advanceTo(Instant instant) {
        Duration ahead = Duration.between(instant(), instant);
        if (ahead.isPositive()) {
            advance(ahead);
        }
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    /** The same movable time in another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(real.withZone(zone), offset);
    }
}
