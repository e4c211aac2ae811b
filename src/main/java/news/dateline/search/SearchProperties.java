package news.dateline.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkOnStart whether a start looks for a missing, unfinished or stale index and repairs it in the
 *                     background; the {@code reindex} command turns it off because it rebuilds in the foreground
 */
@ConfigurationProperties("dateline.search")
record SearchProperties(@DefaultValue("true") boolean checkOnStart) {
}
