package news.dateline.platform;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the reader's site presents itself. Checked at start: a bad time zone fails the boot, not a page. */
@ConfigurationProperties("dateline.site")
public record SiteProperties(
        @DefaultValue("Dateline") String name,
        @DefaultValue("News as it happens") String tagline,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("en") String language,
        @DefaultValue("20") int pageSize) {
}
