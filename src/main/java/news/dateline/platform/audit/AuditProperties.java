package news.dateline.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit log keeps its rows ({@code DATELINE_AUDIT_KEEP_DAYS}, 400 days: a year and a bit, so last
 * year's same month can still be compared). Checked at boot: a log kept for no time at all is a mistake.
 */
@ConfigurationProperties("dateline.audit")
public record AuditProperties(@DefaultValue("400") int keepDays) {

    public AuditProperties {
        if (keepDays < 1) {
            throw new IllegalArgumentException("dateline.audit.keep-days must be at least 1, not " + keepDays);
        }
    }
}
