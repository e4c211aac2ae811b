package news.dateline.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the scheduled publisher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
