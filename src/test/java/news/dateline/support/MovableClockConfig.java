package news.dateline.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the journeys' site a {@link MovableClock} in place of the system clock of {@code ClockConfig}. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfig {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Clock.systemUTC());
    }
}
