package news.dateline.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.dateline.platform.DataProperties;
import news.dateline.platform.Moments;
import news.dateline.platform.OperationsNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The site's own backups, when {@code DATELINE_BACKUP_EVERY} is set: the same archive as {@code dateline backup}
 * ({@link Backups}) into the backup directory, then all but the newest {@code keep} are deleted. Due when the
 * newest complete backup there is {@code every} old (so a restart does not take an extra one); after a failure it
 * tries again after an hour at most. The admins' dashboard shows the last success or failure ({@link #notes}).
 *
 * <p>With several nodes on one PostgreSQL, set it on one node only: each node with a schedule takes its own.
 */
@Component
class ScheduledBackups implements OperationsNotes {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

    /** What the last attempt gave: a backup taken, or why not. */
    private record Outcome(Instant at, Path file, long size, String failure) {
    }

    private final BackupProperties settings;
    private final DataProperties data;
    private final Clock clock;
    private final Moments moments;
    private final Path dir;
    private volatile Outcome lastSuccess;
    private volatile Outcome lastFailure;

    ScheduledBackups(BackupProperties settings, DataProperties data, Clock clock, Moments moments) {
        this.settings = settings;
        this.data = data;
        this.clock = clock;
        this.moments = moments;
        boolean given = settings.dir() != null && !settings.dir().toString().isBlank();
        this.dir = (given ? settings.dir() : data.dir().resolve("backups")).toAbsolutePath().normalize();
        if (settings.every() != null) {
            this.lastSuccess = newestIn(dir);
            log.info("Backups every {} to {}, keeping {}", settings.every(), dir, settings.keep());
        }
    }

    @Scheduled(initialDelayString = "${dateline.backup.check-interval:1m}",
            fixedDelayString = "${dateline.backup.check-interval:1m}")
    void tick() {
        if (settings.every() != null && !clock.instant().isBefore(nextDue())) {
            takeNow();
        }
    }

    Path dir() {
        return dir;
    }

    Instant nextDue() {
        Outcome success = lastSuccess;
        Outcome failure = lastFailure;
        if (failure != null && (success == null || failure.at().isAfter(success.at()))) {
            Duration retry = settings.every().compareTo(RETRY_AFTER_FAILURE) < 0 ? settings.every() : RETRY_AFTER_FAILURE;
            return failure.at().plus(retry);
        }
        return success == null ? Instant.EPOCH : success.at().plus(settings.every());
    }

    private void takeNow() {
        Instant now = clock.instant();
        try {
            Backups.Taken taken = Backups.take(data, Backups.inDirectory(dir, now), System::getenv, now);
            lastSuccess = new Outcome(now, taken.file(), Files.size(taken.file()), null);
            List<Path> deleted = Backups.prune(dir, settings.keep());
            log.info("Backup written: {} ({}); {} older deleted, keeping {}", taken.file(),
                    Sizes.human(lastSuccess.size()), deleted.size(), settings.keep());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            String reason = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            lastFailure = new Outcome(now, null, 0, reason);
            log.warn("Scheduled backup to {} failed: {}", dir, reason);
        }
    }

    @Override
    public List<Note> notes() {
        if (settings.every() == null) {
            return List.of(new Note(false, "No backups are scheduled (DATELINE_BACKUP_EVERY is not set): run "
                    + "dateline backup from cron or the systemd timer, or set it, e.g. to 24h."));
        }
        Outcome success = lastSuccess;
        Outcome failure = lastFailure;
        String last = success == null ? "No backup yet in " + dir + "."
                : "Last backup: " + moments.of(success.at()).human() + ", " + success.file().getFileName()
                        + (success.size() > 0 ? " (" + Sizes.human(success.size()) + ")" : "") + " in " + dir + ".";
        if (failure != null && (success == null || failure.at().isAfter(success.at()))) {
            return List.of(new Note(true, "The backup of " + moments.of(failure.at()).human() + " failed: "
                    + failure.failure() + " " + last + " Trying again " + moments.of(nextDue()).human() + "."));
        }
        return List.of(new Note(false, last + " Every " + human(settings.every()) + ", keeping "
                + settings.keep() + "; next " + moments.of(nextDue().isBefore(clock.instant()) ? clock.instant()
                        : nextDue()).human() + "."));
    }

    /** The newest complete backup already there (its manifest's time), so a restart keeps the rhythm. */
    private static Outcome newestIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            for (BackupArchive.Listed backup : BackupArchive.list(dir)) {
                if (backup.manifest().isPresent()) {
                    return new Outcome(Instant.parse(backup.manifest().get().createdAt()), backup.file(),
                            Files.size(backup.file()), null);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Cannot read the backups in {}: {}", dir, unreadable.getMessage());
        }
        return null;
    }

    private static String human(Duration every) {
        return every.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
