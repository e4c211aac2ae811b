package news.dateline.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled backups by the running site ({@link ScheduledBackups}, docs/operations.md): {@code every}
 * ({@code DATELINE_BACKUP_EVERY}, e.g. {@code 24h}; unset: off), into {@code dir} ({@code DATELINE_BACKUP_DIR};
 * unset: {@code <data dir>/backups}), keeping the {@code keep} newest ({@code DATELINE_BACKUP_KEEP}). Checked at
 * start: a schedule under a minute or nothing kept fails the boot.
 */
@ConfigurationProperties("dateline.backup")
public record BackupProperties(
        Duration every,
        Path dir,
        @DefaultValue("7") int keep,
        @DefaultValue("1m") Duration checkInterval) {

    public BackupProperties {
        if (every != null && every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("dateline.backup.every (DATELINE_BACKUP_EVERY) must be at least 1m, such "
                    + "as 24h or 6h; leave it unset for no scheduled backups");
        }
        if (keep < 1) {
            throw new IllegalArgumentException("dateline.backup.keep (DATELINE_BACKUP_KEEP) must be 1 or more");
        }
    }
}
