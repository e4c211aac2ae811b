package news.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.dateline.backup.Sizes;
import news.dateline.search.SearchIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code dateline backup} and {@code restore} on SQLite, against a real running site: a backup taken while
 * readers post comments restores to the same tables and the same article page; a damaged or unfinished archive
 * is refused before anything is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupAndRestoreTest {

    @TempDir
    static Path tmp;

    private final Cli cli = new Cli();
    private ConfigurableApplicationContext site;
    private Path liveDir;
    private HttpClient http;

    @BeforeAll
    void startTheSite() {
        liveDir = tmp.resolve("live");
        site = serve(liveDir);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopTheSite() {
        site.close();
    }

    @Test
    void aBackupTakenWhileCommentsArriveRestoresTheSameTablesAndTheSameArticlePage() throws Exception {
        List<String> stories = jdbc(site).sql("""
                        SELECT s.slug || '/' || a.slug FROM article a JOIN section s ON s.id = a.section_id
                        WHERE a.status = 'published' ORDER BY a.published_at DESC""").query(String.class).list();
        String discussed = "/" + stories.get(1);
        String compared = "/" + stories.get(2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger posted = new AtomicInteger();
        List<Integer> refused = new ArrayList<>();
        Thread readers = Thread.ofPlatform().start(() -> {
            while (writing.get() && posted.get() < 2_000) {
                int status = comment(site, discussed, "Comment number " + posted.get() + " from a reader.");
                if (status == 303) {
                    posted.incrementAndGet();
                } else {
                    synchronized (refused) {
                        refused.add(status);
                    }
                }
            }
        });
        while (posted.get() < 20) {
            Thread.sleep(20);
        }
        long before = commentCount(jdbc(site));
        Cli.Run backup = cli.run("backup", "--data-dir=" + liveDir, "--to=" + tmp.resolve("backups") + "/");
        long after = commentCount(jdbc(site));
        writing.set(false);
        readers.join();

        assertThat(backup.exit()).as(backup.toString()).isZero();
        assertThat(refused).as("comment POSTs answered other than 303 during the backup").isEmpty();
        assertThat(after).as("comments arrived while the backup ran").isGreaterThan(before);
        assertThat(backup.out()).contains("Backup written: " + tmp.resolve("backups"),
                "SQLite, schema version ", "keys       account-link.key, comment-form.key, notify-link.key, preview-link.key, second-factor.key, wire-credentials.key", "no media folder");
        List<Path> archives = files(tmp.resolve("backups"));
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).matches("dateline-backup-\\d{8}-\\d{6}Z\\.zip");

        Path restoredDir = tmp.resolve("restored");
        Cli.Run restore = cli.run("restore", archives.get(0).toString(), "--data-dir=" + restoredDir);
        assertThat(restore.exit()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("into " + restoredDir, "database   " + restoredDir.resolve("dateline.db"),
                "keys       account-link.key, comment-form.key, notify-link.key, preview-link.key, second-factor.key, wire-credentials.key", "all 7 files matched the manifest",
                "search index is rebuilt");
        assertThat(Files.readString(restoredDir.resolve("comment-form.key")))
                .isEqualTo(Files.readString(liveDir.resolve("comment-form.key")));

        try (var restoredDb = new SingleConnectionDataSource("jdbc:sqlite:" + restoredDir.resolve("dateline.db"),
                true)) {
            JdbcClient copy = JdbcClient.create(restoredDb);
            JdbcClient live = jdbc(site);
            assertThat(rows(copy, "article")).isEqualTo(rows(live, "article"));
            List<Map<String, Object>> restoredComments = rows(copy, "comment");
            assertThat((long) restoredComments.size()).isBetween(before, after);
            long lastRestored = ((Number) restoredComments.getLast().get("id")).longValue();
            assertThat(restoredComments).as("the comments up to the snapshot, each exactly as stored")
                    .isEqualTo(live.sql("SELECT * FROM comment WHERE id <= ? ORDER BY id").param(lastRestored)
                            .query().listOfRows());
            assertThat(rows(copy, "account")).isEqualTo(rows(live, "account"));
        }

        ConfigurableApplicationContext restored = serve(restoredDir);
        try {
            SearchIndex index = restored.getBean(SearchIndex.class);
            for (int i = 0; i < 300 && index.state() != SearchIndex.State.READY; i++) {
                Thread.sleep(100);
            }
            assertThat(index.state()).as("the restored site rebuilt its index").isEqualTo(SearchIndex.State.READY);
            String livePage = page(site, compared);
            String restoredPage = page(restored, compared);
            assertThat(livePage).contains("<article");
            assertThat(restoredPage).isEqualTo(livePage);
        } finally {
            restored.close();
        }
    }

    @Test
    void aDamagedArchiveIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path archive = backupInto(tmp.resolve("for-damage"));
        byte[] bytes = Files.readAllBytes(archive);

        Path inTheDatabase = tmp.resolve("database-byte.zip");
        byte[] damaged = bytes.clone();
        damaged[damaged.length / 3] ^= 0x01;
        Files.write(inTheDatabase, damaged);
        Path target = tmp.resolve("never-written");
        Cli.Run refused = cli.run("restore", inTheDatabase.toString(), "--data-dir=" + target);

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Refused: " + inTheDatabase + " is damaged: database/dateline.db")
                .contains("Nothing was written.");
        assertThat(target).doesNotExist();

        Path inTheManifest = tmp.resolve("manifest-byte.zip");
        damaged = bytes.clone();
        int manifest = indexOf(bytes, "\"sha256\" : \"".getBytes(StandardCharsets.US_ASCII));
        assertThat(manifest).as("the manifest is stored uncompressed enough to find").isPositive();
        damaged[manifest + 14] = (byte) (damaged[manifest + 14] == 'a' ? 'b' : 'a');
        Files.write(inTheManifest, damaged);
        Cli.Run manifestRefused = cli.run("restore", inTheManifest.toString(), "--data-dir=" + target);
        assertThat(manifestRefused.exit()).as(manifestRefused.toString()).isEqualTo(1);
        assertThat(manifestRefused.err()).startsWith("Refused: ").contains("Nothing was written.");
        assertThat(target).doesNotExist();
    }

    @Test
    void anUnfinishedArchiveIsNeitherListedNorRestored() throws Exception {
        Path dir = tmp.resolve("unfinished");
        Path complete = backupInto(dir);
        byte[] bytes = Files.readAllBytes(complete);
        Path partial = dir.resolve("dateline-backup-20990101-000000Z.zip.partial");
        Files.write(partial, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        Path truncated = dir.resolve("dateline-backup-20990101-000001Z.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Cli.Run listed = cli.run("backup", "--list", "--to=" + dir);
        assertThat(listed.exit()).isZero();
        assertThat(listed.out().lines().toList()).containsExactly(
                truncated.getFileName() + "  not a complete backup (no readable manifest)",
                complete.getFileName() + "  " + sizeOf(complete) + "  sqlite, schema " + SqliteMigrations.newest() + ", Dateline "
                        + VersionInfo.version());

        Path target = tmp.resolve("not-from-partial");
        Cli.Run fromPartial = cli.run("restore", partial.toString(), "--data-dir=" + target);
        assertThat(fromPartial.exit()).isEqualTo(1);
        assertThat(fromPartial.err()).contains("is an unfinished backup", "It cannot be restored.");
        Cli.Run fromTruncated = cli.run("restore", truncated.toString(), "--data-dir=" + target);
        assertThat(fromTruncated.exit()).isEqualTo(1);
        assertThat(fromTruncated.err()).contains("is not a complete backup");
        assertThat(target).doesNotExist();
    }

    @Test
    void restoreWantsAnEmptyDirectoryOrForceAndNeverARunningSite() throws Exception {
        Path archive = backupInto(tmp.resolve("for-force"));
        Path dir = tmp.resolve("occupied");
        Files.createDirectories(dir.resolve("index"));
        Files.writeString(dir.resolve("dateline.db"), "an older database");
        Files.writeString(dir.resolve("dateline.db-wal"), "its write-ahead log");

        Cli.Run refused = cli.run("restore", archive.toString(), "--data-dir=" + dir);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("is not empty (dateline.db, dateline.db-wal, index)", "--force",
                "Nothing was written.");
        assertThat(Files.readString(dir.resolve("dateline.db"))).isEqualTo("an older database");

        Cli.Run forced = cli.run("restore", archive.toString(), "--data-dir=" + dir, "--force");
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("The old search index was deleted");
        assertThat(dir.resolve("dateline.db-wal")).as("a stale WAL would corrupt the restored file").doesNotExist();
        assertThat(dir.resolve("index")).doesNotExist();
        Cli.Run check = cli.run("check", "--data-dir=" + dir);
        assertThat(check.exit()).as(check.toString()).isZero();

        Cli.Run running = cli.run("restore", archive.toString(), "--data-dir=" + liveDir, "--force");
        assertThat(running.exit()).isEqualTo(1);
        assertThat(running.err()).contains("a Dateline server is running on " + liveDir);
    }

    @Test
    void aBackupNeverOverwritesAndSaysWhenThereIsNoDatabase() throws Exception {
        Path archive = backupInto(tmp.resolve("twice"));
        Cli.Run again = cli.run("backup", "--data-dir=" + liveDir, "--to=" + archive);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains(archive + " already exists");

        Cli.Run nothing = cli.run("backup", "--data-dir=" + tmp.resolve("empty"), "--to=" + tmp.resolve("none.zip"));
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).contains("No database at " + tmp.resolve("empty").resolve("dateline.db"));
        assertThat(tmp.resolve("none.zip")).doesNotExist();
        assertThat(tmp.resolve("empty")).doesNotExist();
    }

    @Test
    void aBackupOfASiteWithItsPhotosInS3SaysTheBucketIsNotInIt() throws Exception {
        Path dir = tmp.resolve("with-s3");
        Cli.Run backup = cli.run("backup", "--data-dir=" + liveDir, "--to=" + dir + "/",
                "--dateline.media.s3.bucket=site-photos");
        assertThat(backup.exit()).as(backup.toString()).isZero();
        assertThat(backup.out()).contains("  photos     in S3 bucket site-photos: not in this backup (keep the bucket "
                + "versioned or replicated)");
        Cli.Run onDisk = cli.run("backup", "--data-dir=" + liveDir, "--to=" + tmp.resolve("without-s3") + "/");
        assertThat(onDisk.out()).doesNotContain("S3 bucket");
    }

    private Path backupInto(Path dir) throws IOException {
        Cli.Run backup = cli.run("backup", "--data-dir=" + liveDir, "--to=" + dir + "/");
        assertThat(backup.exit()).as(backup.toString()).isZero();
        return files(dir).getFirst();
    }

    private ConfigurableApplicationContext serve(Path dataDir) {
        Cli.Run run = cli.run("serve", "--port=0", "--data-dir=" + dataDir, "--dateline.data.url=",
                "--dateline.comments.moderation=open", "--dateline.comments.rate-limits.enabled=false",
                "--dateline.comments.min-fill-time=0s", "--dateline.cache.enabled=false");
        assertThat(run.exit()).as(run.toString()).isEqualTo(DatelineCli.SERVING);
        return run.site();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private String page(ConfigurableApplicationContext context, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(context) + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        // the only value that differs from one rendering to the next: the form's signed time stamp
        return response.body().replaceAll("name=\"stamp\" value=\"[^\"]*\"", "name=\"stamp\" value=\"\"");
    }

    private int comment(ConfigurableApplicationContext context, String article, String text) {
        try {
            String base = "http://localhost:" + port(context);
            Document form = Jsoup.parse(http.send(HttpRequest.newBuilder(URI.create(base + article)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String stamp = form.select("input[name=stamp]").attr("value");
            String body = Map.of("comment", text, "author", "Reader", "email", "reader@example.com",
                            "stamp", stamp).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + article + "/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static long commentCount(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.sorted().toList();
        }
    }

    private static String sizeOf(Path file) throws IOException {
        return Sizes.human(Files.size(file));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
