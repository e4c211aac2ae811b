package news.dateline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import news.dateline.story.EditorialRepository;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryEdits;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many files at once in the folder, as an agency's burst or a backlog after an outage: they are stored many to a
 * transaction, with every rule of one file kept (versions in order of arrival, duplicates once, a bad file in
 * {@code error/} alone).
 */
interface WireIntakeJourneys extends RunningSite {

    @Test
    default void twoHundredFilesDroppedAtOnceReachTheDeskWithEachVersionOnceAndTheBadFileInError() throws Exception {
        WireFolder folder = new WireFolder(this);
        String run = "burst" + System.nanoTime();
        long itemsBefore = count("SELECT COUNT(*) FROM wire_item");
        long errorsBefore = count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'error'");
        String a = "urn:newsml:ntb.no:" + run + ":a";
        String b = "urn:newsml:ntb.no:" + run + ":b";
        Map<String, String> files = new LinkedHashMap<>(); // in order of arrival
        for (int i = 0; i < 95; i++) {
            files.put(run + "-" + i + ".json", WireFiles.ninjs2("urn:newsml:ntb.no:" + run + ":" + i, 1, "usable", 4,
                    "Item " + i + " of " + run, "OSLO", null));
        }
        // Item a arrives as versions 2, 3, 1 and item b as 3, 1, 2, amid the others.
        files.put(run + "-a2.json", WireFiles.ninjs2(a, 2, "usable", 4, "Alpha" + run + " version 2", "OSLO", null));
        files.put(run + "-b3.json", WireFiles.ninjs2(b, 3, "usable", 4, "Beta" + run + " version 3", "OSLO", null));
        files.put(run + "-a3.json", WireFiles.ninjs2(a, 3, "usable", 4, "Alpha" + run + " version 3", "OSLO", null));
        files.put(run + "-b1.json", WireFiles.ninjs2(b, 1, "usable", 4, "Beta" + run + " version 1", "OSLO", null));
        files.put(run + "-broken.json", "{\"uri\": \"" + run + "-broken\",\n \"headline\": }");
        files.put(run + "-a1.json", WireFiles.ninjs2(a, 1, "usable", 4, "Alpha" + run + " version 1", "OSLO", null));
        files.put(run + "-b2.json", WireFiles.ninjs2(b, 2, "usable", 4, "Beta" + run + " version 2", "OSLO", null));
        files.put(run + "-again-7.json", files.get(run + "-7.json"));
        for (int i = 95; i < 192; i++) {
            files.put(run + "-" + i + ".xml", WireFiles.newsMlG2("urn:newsml:example.com:" + run + ":" + i, 1,
                    "usable", "NewsML item " + i + " of " + run, "BONN"));
        }
        assertThat(files).hasSize(200);

        List<Path> dropped = dropAtOnce(folder, files);
        dropped.forEach(WireFolder::awaitTaken);

        // Every good file is in processed/, the broken one in error/ with the line and column.
        for (Path file : dropped) {
            String name = file.getFileName().toString();
            if (name.endsWith("-broken.json")) {
                assertThat(folder.error().resolve(name)).exists();
                assertThat(folder.error().resolve(name + ".reason.txt")).content().startsWith("line 2, column")
                        .contains("not valid JSON");
            } else {
                assertThat(folder.processed().resolve(name)).as(name).exists();
            }
        }
        // 95 + 97 single items, a and b: one row each; a keeps versions 2 and 3, b only 3 (it came first).
        assertThat(count("SELECT COUNT(*) FROM wire_item") - itemsBefore).isEqualTo(194);
        assertThat(versionsOf(a)).containsExactly(2L, 3L);
        assertThat(versionsOf(b)).containsExactly(3L);
        assertThat(outcome(run + "-a1.json")).isEqualTo("older");
        assertThat(outcome(run + "-b1.json")).isEqualTo("older");
        assertThat(outcome(run + "-b2.json")).isEqualTo("older");
        assertThat(outcome(run + "-again-7.json")).isEqualTo("duplicate");
        assertThat(count("SELECT COUNT(*) FROM wire_event WHERE outcome = 'stored' AND source_name LIKE '" + run
                + "-%'")).isEqualTo(195);

        // The desk: the newest versions, the provider's counts.
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Document alpha = editor.get("/newsroom/wire?q=alpha" + run).html();
        assertThat(alpha.select(".wire-queue tbody tr .wire-headline")).extracting(e -> e.text())
                .containsExactly("Alpha" + run + " version 3");
        assertThat(alpha.select("#wire-" + itemId(a) + " .wire-version").text()).isEqualTo("3");
        Document beta = editor.get("/newsroom/wire?q=beta" + run).html();
        assertThat(beta.select(".wire-queue tbody tr .wire-headline")).extracting(e -> e.text())
                .containsExactly("Beta" + run + " version 3");
        Document all = editor.get("/newsroom/wire").html();
        assertThat(all.select("#provider-1 strong").text())
                .isEqualTo(Long.toString(count("SELECT COUNT(*) FROM wire_item WHERE provider_id = 1")));
        assertThat(all.select("#provider-1 .provider-errors").text()).startsWith((errorsBefore + 1) + " error");
    }

    @Test
    default void aFileTheDatabaseRefusesGoesToErrorAloneAndTheFilesAroundItAreStored() throws Exception {
        WireFolder folder = new WireFolder(this);
        String run = "refused" + System.nanoTime();
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String guid = "urn:newsml:ntb.no:" + run + ":" + (i == 7 ? "refused-by-the-database" : i);
            files.put(run + "-" + i + ".json", WireFiles.ninjs2(guid, 1, "usable", 4, "Item " + i + " of " + run,
                    "OSLO", null));
        }
        // A refusal the database itself makes (as PostgreSQL does for text it cannot hold): a trigger for this test.
        JdbcTemplate sql = new JdbcTemplate(bean(DataSource.class));
        boolean postgres;
        try (Connection connection = bean(DataSource.class).getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        if (postgres) {
            sql.execute("""
                    CREATE FUNCTION wire_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'refused by the test''s trigger'; END $$""");
            sql.execute("""
                    CREATE TRIGGER wire_test_refuse BEFORE INSERT ON wire_item FOR EACH ROW
                    WHEN (NEW.guid LIKE '%refused-by-the-database') EXECUTE FUNCTION wire_test_refuse()""");
        } else {
            sql.execute("""
                    CREATE TRIGGER wire_test_refuse BEFORE INSERT ON wire_item
                    WHEN NEW.guid LIKE '%refused-by-the-database'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test''s trigger'); END""");
        }
        try {
            List<Path> dropped = dropAtOnce(folder, files);
            dropped.forEach(WireFolder::awaitTaken);
        } finally {
            sql.execute("DROP TRIGGER wire_test_refuse" + (postgres ? " ON wire_item" : ""));
            if (postgres) {
                sql.execute("DROP FUNCTION wire_test_refuse()");
            }
        }
        String culprit = run + "-7.json";
        assertThat(folder.error().resolve(culprit)).exists();
        assertThat(folder.error().resolve(culprit + ".reason.txt")).content()
                .startsWith("could not be stored: ").contains("refused by the test's trigger");
        assertThat(outcome(culprit)).isEqualTo("error");
        for (String name : files.keySet()) {
            if (!name.equals(culprit)) {
                assertThat(folder.processed().resolve(name)).as(name).exists();
                assertThat(outcome(name)).as(name).isEqualTo("stored");
            }
        }
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE guid LIKE 'urn:newsml:ntb.no:" + run + ":%'"))
                .isEqualTo(19);
    }

    @Test
    default void aKillAmidABurstOfFilesWithdrawsThePublishedStoryWithinTwoSeconds() throws Exception {
        WireFolder folder = new WireFolder(this);
        String run = "killburst" + System.nanoTime();
        String uri = "urn:newsml:ntb.no:" + run;
        folder.drop(run + "-v1.json", WireFiles.ninjs2(uri, 1, "usable", 3, run + " dam breaks", "MO I RANA", null));
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Page used = editor.post("/newsroom/wire/" + itemId(uri) + "/use");
        long articleId = Long.parseLong(used.header("Location").replaceAll(".*/articles/(\\d+).*", "$1"));
        StoryEdits.publish(this, articleId);
        String path = bean(EditorialRepository.class).find(articleId).orElseThrow().path();
        assertThat(site().get(path).status()).isEqualTo(200);
        assertThat(site().get(path).header("X-Cache")).isEqualTo("hit");

        // The kill is the 100th of 150 files moved in at once: it shares a transaction with others.
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            files.put(run + "-" + i + ".json", i == 99
                    ? WireFiles.ninjs2(uri, 2, "canceled", 3, run + " dam breaks", "MO I RANA", null)
                    : WireFiles.ninjs2(uri + ":" + i, 1, "usable", 4, "Item " + i + " of " + run, "OSLO", null));
        }
        long sent = System.nanoTime();
        List<Path> dropped = dropAtOnce(folder, files);
        Page gone = site().get(path);
        while (gone.status() != 410 && System.nanoTime() - sent < 10_000_000_000L) {
            WireFolder.sleep(20);
            gone = site().get(path);
        }
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(gone.status()).isEqualTo(410);
        assertThat(millis).as("from the burst's first move to the 410, ms").isLessThan(2_000);
        dropped.forEach(WireFolder::awaitTaken);
        assertThat(outcome(run + "-99.json")).isEqualTo("stored");
        assertThat(count("SELECT COUNT(*) FROM wire_item WHERE guid LIKE '" + uri + ":%'")).isEqualTo(149);
        assertThat(bean(JdbcClient.class).sql("SELECT status FROM article WHERE id = :id").param("id", articleId)
                .query(String.class).single()).isEqualTo("draft");
    }

    @Test
    default void theIntakeGetsReadyWhileAnotherWriterHoldsTheDatabase() throws Exception {
        // As at a start with a backlog in incoming/: the first scan stores a batch while the start adds the folders.
        try (java.sql.Connection writer = bean(javax.sql.DataSource.class).getConnection()) {
            writer.setAutoCommit(false);
            try (var statement = writer.createStatement()) {
                statement.executeUpdate("UPDATE wire_provider SET expected_minutes = expected_minutes WHERE name = 'wire'");
            }
            try {
                org.assertj.core.api.Assertions.assertThatCode(() -> bean(FolderIntake.class).prepareFolders())
                        .as("the start goes on").doesNotThrowAnyException();
            } finally {
                writer.rollback();
            }
        }
    }

    /** Written beside the folder, given times in order of arrival, then moved in one after another, quickly. */
    private static List<Path> dropAtOnce(WireFolder folder, Map<String, String> files) throws IOException {
        Path staging = Files.createDirectories(folder.incoming().resolveSibling("staging"));
        Files.createDirectories(folder.incoming());
        Instant first = Instant.now().minusSeconds(5);
        List<Path> staged = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(path, FileTime.from(first.plusMillis(10L * n++)));
            staged.add(path);
        }
        List<Path> dropped = new ArrayList<>();
        for (Path path : staged) {
            dropped.add(Files.move(path, folder.incoming().resolve(path.getFileName()),
                    StandardCopyOption.ATOMIC_MOVE));
        }
        return dropped;
    }

    private List<Long> versionsOf(String guid) {
        return bean(JdbcClient.class).sql("""
                        SELECT v.version_number FROM wire_version v JOIN wire_item i ON i.id = v.item_id
                        WHERE i.guid = :guid ORDER BY v.id""").param("guid", guid).query(Long.class).list();
    }

    private String outcome(String sourceName) {
        return bean(JdbcClient.class).sql("SELECT outcome FROM wire_event WHERE source_name = :name")
                .param("name", sourceName).query(String.class).single();
    }

    private long itemId(String guid) {
        return bean(JdbcClient.class).sql("SELECT id FROM wire_item WHERE guid = :guid").param("guid", guid)
                .query(Long.class).single();
    }

    private long count(String sql) {
        return bean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
