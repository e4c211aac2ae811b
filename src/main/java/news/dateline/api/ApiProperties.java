package news.dateline.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The content API's limits (docs/api.md): requests one address may make a minute ({@code 0} = no limit), and how
 * long a CDN or browser may keep an answer ({@code Cache-Control: public, max-age}; it revalidates by ETag after).
 */
@ConfigurationProperties("dateline.api")
public record ApiProperties(@DefaultValue("300") int perMinute, @DefaultValue("60s") Duration maxAge) {

    public ApiProperties {
        if (perMinute < 0) {
            throw new IllegalArgumentException("dateline.api.per-minute cannot be negative: " + perMinute);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("dateline.api.max-age cannot be negative: " + maxAge);
        }
    }
}
