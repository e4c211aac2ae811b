package news.dateline.backup;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import news.dateline.support.MovableClock;
import news.dateline.support.SqliteSite;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The site backs itself up every 24 hours of its (movable) clock into {@code <data dir>/backups}, keeps the two
 * newest, and an admin's dashboard says when the last one was taken, or that it failed and why.
 */
@TestPropertySource(properties = {"dateline.backup.every=24h", "dateline.backup.keep=2",
        // the test moves the clock and asks for the check itself; the scheduler's own check comes too late to matter
        "dateline.backup.check-interval=1h"})
class ScheduledBackupsTest extends SqliteSite {

    @Test
    void backupsAreTakenOnScheduleOnlyTheNewestAreKeptAndTheDashboardShowsTheLastOne() throws Exception {
        ScheduledBackups backups = bean(ScheduledBackups.class);
        MovableClock clock = bean(MovableClock.class);
        Path dir = backups.dir();
        String admin = TestAccounts.create(this, "admin");
        assertThat(operations(admin)).contains("No backup yet in " + dir);

        backups.tick();
        List<Path> first = complete(dir);
        assertThat(first).as("none there yet: the first is due at once").hasSize(1);
        BackupArchive.read(first.getFirst()); // complete, every checksum right
        backups.tick();
        assertThat(complete(dir)).as("not due again for 24 hours").isEqualTo(first);
        assertThat(operations(admin)).contains("Last backup:", first.getFirst().getFileName().toString(),
                "Every 24h, keeping 2");

        story(this, "Written between two backups").write();
        clock.advance(Duration.ofHours(23));
        backups.tick();
        assertThat(complete(dir)).hasSize(1);
        clock.advance(Duration.ofHours(1));
        backups.tick();
        clock.advance(Duration.ofHours(24));
        backups.tick();
        List<Path> kept = complete(dir);
        assertThat(kept).as("three taken, two kept").hasSize(2).doesNotContain(first.getFirst());
        assertThat(operations(admin)).contains(kept.getLast().getFileName().toString());

        // the backup directory becomes a file: the next backup fails, and says so
        for (Path old : kept) {
            Files.delete(old);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
        Files.delete(dir);
        Files.writeString(dir, "not a directory");
        clock.advance(Duration.ofHours(24));
        backups.tick();
        String failed = operations(admin);
        assertThat(failed).contains("failed", "Last backup:", "Trying again");
        assertThat(StaffSession.signedIn(this, admin, TestAccounts.PASSWORD).get("/newsroom").html()
                .select("#operations .problem").text()).contains("failed");

        Files.delete(dir);
        clock.advance(Duration.ofHours(1));
        backups.tick();
        assertThat(complete(dir)).as("tried again an hour later").hasSize(1);
        assertThat(operations(admin)).doesNotContain("failed");
    }

    @Test
    void anEditorIsNotShownTheBackups() {
        String editor = TestAccounts.create(this, "editor");
        assertThat(StaffSession.signedIn(this, editor, TestAccounts.PASSWORD).get("/newsroom").html()
                .select("#operations")).isEmpty();
    }

    private String operations(String admin) {
        return StaffSession.signedIn(this, admin, TestAccounts.PASSWORD).get("/newsroom").html()
                .select("#operations").text();
    }

    private static List<Path> complete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return BackupArchive.list(dir).stream().map(BackupArchive.Listed::file).sorted().toList();
    }
}
