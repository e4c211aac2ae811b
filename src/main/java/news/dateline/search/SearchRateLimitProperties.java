package news.dateline.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dateline.search.rate-limit.per-minute} ({@code DATELINE_SEARCH_RATE_LIMIT}): searches one address may make
 * in a minute, refilled evenly (30 by default, one every two seconds once spent); 0 switches the limit off.
 */
@ConfigurationProperties("dateline.search.rate-limit")
record SearchRateLimitProperties(@DefaultValue("30") int perMinute) {

    SearchRateLimitProperties {
        if (perMinute < 0) {
            throw new IllegalArgumentException("dateline.search.rate-limit.per-minute must be 0 (off) or more");
        }
    }
}
