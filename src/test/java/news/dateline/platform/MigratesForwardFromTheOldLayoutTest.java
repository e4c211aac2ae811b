package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import news.dateline.platform.MigrationDatabases.Database;
import news.dateline.platform.MigrationDatabases.Migrated;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database deployed before the shared layout starts cleanly on today's migrations: Flyway validates the history it
 * already has (same versions, descriptions and checksums), applies only what is new, loses no row, and leaves the same
 * schema a fresh database gets.
 *
 * <p>The old layout is a frozen fixture: {@code src/test/resources/db/legacy-layout/{sqlite,postgresql}} are copies of
 * main's {@code db/migration/{sqlite,postgresql}} V1..V7 from before {@code db/migration/common} existed, migrated
 * with main's configuration ({@code spring.flyway.locations=classpath:db/migration/{vendor}}, pointed at the copies).
 * They stand for databases in the field and are never edited.
 */
class MigratesForwardFromTheOldLayoutTest {

    private static final String LEGACY_LOCATIONS = "spring.flyway.locations=classpath:db/legacy-layout/{vendor}";
    private static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDatabaseFromTheOldLayoutMigratesForwardAndKeepsItsRows(String vendor) throws Exception {
        Database database = MigrationDatabases.fresh(vendor, "forward_from_legacy");
        Migrated legacy = MigrationDatabases.migrateAsTheApplication(database, LEGACY_LOCATIONS);
        assertThat(legacy.applied()).extracting(info -> info.getVersion().getVersion())
                .containsExactly("1", "2", "3", "4", "5", "6", "7");

        long deletedLiveEntry;
        try (Connection connection = database.connect()) {
            deletedLiveEntry = insertANewsroom(connection);
        }
        List<List<String>> historyBefore = history(database);
        SortedMap<String, List<String>> rowsBefore = rows(database, null);
        Map<String, java.util.Set<String>> columnsBefore = columns(database);
        assertThat(rowsBefore.get("live_entry")).hasSize(2);
        assertThat(rowsBefore.get("comment")).hasSize(2);

        Migrated migrated = MigrationDatabases.migrateAsTheApplication(database);

        Database fresh = MigrationDatabases.fresh(vendor, "forward_fresh");
        Migrated freshlyMigrated = MigrationDatabases.migrateAsTheApplication(fresh);
        List<String> newVersions = versions(freshlyMigrated.applied()).subList(7, freshlyMigrated.applied().size());

        assertThat(migrated.validation().validationSuccessful)
                .as("validation after the migration: %s", migrated.validation().getAllErrorMessages())
                .isTrue();
        assertThat(migrated.result().success).isTrue();
        assertThat(migrated.result().migrations).as("migrations applied to the old database")
                .extracting(applied -> applied.version)
                .containsExactlyElementsOf(newVersions);
        assertThat(migrated.applied()).allSatisfy(info -> assertThat(info.getState().isFailed()).isFalse());
        // The history is the fresh database's, version for version and checksum for checksum …
        assertThat(summary(migrated.applied())).isEqualTo(summary(freshlyMigrated.applied()));
        // … and its first seven rows are the ones main wrote: validated, not rewritten, not applied again.
        assertThat(history(database).subList(0, historyBefore.size())).isEqualTo(historyBefore);

        // Every row keeps every value it had; columns that later migrations add are new and empty.
        SortedMap<String, List<String>> rowsAfter = rows(database, columnsBefore);
        SortedMap<String, List<String>> inOldTables = new TreeMap<>(rowsAfter);
        inOldTables.keySet().retainAll(rowsBefore.keySet());
        assertThat(inOldTables).isEqualTo(rowsBefore);
        SortedMap<String, List<String>> inNewTables = new TreeMap<>(rowsAfter);
        inNewTables.keySet().removeAll(rowsBefore.keySet());
        // V17 turns each WordPress page imported as a story of kind 'page' into a page at the same address.
        inNewTables.remove("page");
        try (Connection connection = database.connect()) {
            assertThat(single(connection, "SELECT count(*) FROM page WHERE path = 'about' AND title = 'About us' "
                    + "AND status = 'draft'")).as("the old newsroom's scheduled About page, now a draft page").isEqualTo(1);
        }
        assertThat(inNewTables).as("tables that later migrations add are new and empty")
                .allSatisfy((table, lines) -> assertThat(lines).as(table).isEmpty());
        assertThat(newValues(database, columnsBefore)).as("values in columns added since main").containsOnlyNulls();

        List<String> differences = database.schema().differencesFrom(fresh.schema());
        assertThat(differences)
                .withFailMessage("the migrated %s database differs from a fresh one:%n  %s", vendor,
                        String.join(System.lineSeparator() + "  ", differences))
                .isEmpty();

        // Numbering carries on past every id ever handed out, including the entry deleted before the migration.
        try (Connection connection = database.connect()) {
            long article = single(connection, "SELECT id FROM article WHERE slug = 'harbour-fire'");
            long entry = insert(connection, """
                    INSERT INTO live_entry (article_id, body, key_event, author_username, created_at)
                    VALUES (?, 'Crews stand down', ?, 'desk', ?) RETURNING id""", article, true, NOW + 40);
            assertThat(entry).as("id of a live entry written after the migration (AUTOINCREMENT/identity keeps counting)")
                    .isGreaterThan(deletedLiveEntry);
            assertThat(single(connection, "SELECT count(*) FROM live_entry WHERE key_event = ?", true)).isEqualTo(2);
            insert(connection, "INSERT INTO section (slug, name) VALUES ('sport', 'Sport') RETURNING id");
        }
    }

    /** A small newsroom in every table the application writes; returns the id of a live entry deleted outright. */
    private static long insertANewsroom(Connection c) throws SQLException {
        long news = insert(c, "INSERT INTO section (slug, name, description) VALUES ('news', 'News', 'Local') RETURNING id");
        long local = insert(c, "INSERT INTO section (slug, name, parent_id) VALUES ('local', 'Local', ?) RETURNING id", news);
        long author = insert(c, "INSERT INTO author (slug, name, bio) VALUES ('ada', 'Ada Reporter', 'Harbour') RETURNING id");
        long tag = insert(c, "INSERT INTO tag (slug, name) VALUES ('fire', 'Fire') RETURNING id");
        long account = insert(c, """
                INSERT INTO account (username, password_hash, role, author_id, created_at)
                VALUES ('ada', '$2a$12$hash', 'author', ?, ?) RETURNING id""", author, NOW);
        insert(c, """
                INSERT INTO account (username, password_hash, role, created_at, disabled)
                VALUES ('gone', '$2a$12$hash', 'editor', ?, ?) RETURNING id""", NOW, true);
        long article = insert(c, """
                INSERT INTO article (section_id, slug, headline, standfirst, body, status, created_at, modified_at,
                                     published_at, created_by, live_since)
                VALUES (?, 'harbour-fire', 'Fire at the harbour', 'Crews on scene', 'Smoke over the quay.', 'published',
                        ?, ?, ?, ?, ?) RETURNING id""", local, NOW, NOW + 1, NOW + 2, account, NOW + 3);
        insert(c, """
                INSERT INTO article (section_id, slug, headline, status, created_at, modified_at, scheduled_for, kind)
                VALUES (?, 'about', 'About us', 'scheduled', ?, ?, ?, 'page') RETURNING id""", news, NOW, NOW, NOW + 9);
        update(c, "INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, 0)", article, tag);
        update(c, "INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, 0)", article, author);
        update(c, "INSERT INTO article_slug_history (section_id, slug, article_id, retired_at) VALUES (?, 'fire', ?, ?)",
                local, article, NOW + 1);
        update(c, "INSERT INTO section_slug_history (slug, section_id, retired_at) VALUES ('city', ?, ?)", local, NOW);
        long comment = insert(c, """
                INSERT INTO comment (article_id, state, author_name, author_email, email_key, body, fingerprint,
                                     created_at, modified_at)
                VALUES (?, 'approved', 'Reader', 'Reader@example.org', 'reader@example.org', 'Stay safe', 'f1', ?, ?)
                RETURNING id""", article, NOW + 5, NOW + 5);
        insert(c, """
                INSERT INTO comment (article_id, parent_id, state, author_name, author_email, email_key, body,
                                     author_token, created_at, modified_at, kind)
                VALUES (?, ?, 'pending', 'Blog', 'blog@example.org', 'blog@example.org', 'Linked', 'token', ?, ?,
                        'pingback') RETURNING id""", article, comment, NOW + 6, NOW + 6);
        update(c, "INSERT INTO comment_policy (article_id, moderation, close_after_days, updated_at) VALUES (?, 'held', 7, ?)",
                article, NOW);
        long revision = insert(c, """
                INSERT INTO article_revision (article_id, account_id, saved_by, saved_at, kind, section_id, slug,
                                              headline, standfirst, body, dateline_place, source_credit, tags, author_ids)
                VALUES (?, ?, 'ada', ?, 'save', ?, 'harbour-fire', 'Fire at the harbour', 'Crews on scene',
                        'Smoke over the quay.', '', '', 'Fire', ?) RETURNING id""",
                article, account, NOW + 1, local, String.valueOf(author));
        long pending = insert(c, """
                INSERT INTO article_revision (article_id, account_id, saved_by, saved_at, kind, section_id, slug,
                                              headline, standfirst, body, dateline_place, source_credit, tags, author_ids,
                                              based_on_revision_id)
                VALUES (?, ?, 'ada', ?, 'pending', ?, 'harbour-fire', 'Fire at the harbour: two hurt', '', '', '', '',
                        'Fire', ?, ?) RETURNING id""", article, account, NOW + 7, local, String.valueOf(author), revision);
        update(c, "UPDATE article SET pending_revision_id = ? WHERE id = ?", pending, article);
        insert(c, "INSERT INTO article_correction (article_id, note, created_at, account_id) VALUES (?, 'Name corrected', ?, ?) RETURNING id",
                article, NOW + 8, account);
        String liveEntry = """
                INSERT INTO live_entry (article_id, body, key_event, author_username, created_at, edited_at, deleted_at)
                VALUES (?, ?, ?, 'ada', ?, ?, ?) RETURNING id""";
        insert(c, liveEntry, article, "First crews arrive", true, NOW + 10, null, null);
        insert(c, liveEntry, article, "Road closed", false, NOW + 11, NOW + 12, NOW + 13);
        long deleted = insert(c, liveEntry, article, "Posted twice", false, NOW + 14, null, null);
        update(c, "DELETE FROM live_entry WHERE id = ?", deleted);
        update(c, """
                INSERT INTO wordpress_import (kind, wp_key, wp_id, wp_name, local_id, imported_at)
                VALUES ('article', 'https://example.org/?p=12', 12, 'harbour-fire', ?, ?)""", article, NOW);
        insert(c, """
                INSERT INTO wordpress_attachment (wp_key, wp_id, wp_parent_id, title, url, imported_at)
                VALUES ('https://example.org/?attachment_id=13', 13, 12, 'Quay', 'https://example.org/quay.jpg', ?)
                RETURNING id""", NOW);
        insert(c, "INSERT INTO change_log (article_id, kind, created_at) VALUES (?, 'published', ?) RETURNING id", article, NOW);
        return deleted;
    }

    /** Every table's rows as "column=value" lines, in a stable order. */
    private static Map<String, java.util.Set<String>> columns(Database database) throws SQLException {
        Map<String, java.util.Set<String>> columns = new TreeMap<>();
        try (Connection connection = database.connect()) {
            for (String table : Schema.read(connection).tables().keySet()) {
                try (var statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    java.util.Set<String> names = new java.util.TreeSet<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        names.add(result.getMetaData().getColumnName(column));
                    }
                    columns.put(table, names);
                }
            }
        }
        return columns;
    }

    /** Values held in columns that were not there before the migration. */
    private static List<String> newValues(Database database, Map<String, java.util.Set<String>> before)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (var table : before.entrySet()) {
                try (var statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM " + table.getKey())) {
                    var meta = result.getMetaData();
                    while (result.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            if (!table.getValue().contains(meta.getColumnName(column))) {
                                values.add(result.getString(column));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    /** Each table's rows as text, limited to {@code only}'s columns per table when given. */
    private static SortedMap<String, List<String>> rows(Database database, Map<String, java.util.Set<String>> only)
            throws SQLException {
        SortedMap<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = database.connect()) {
            for (String table : Schema.read(connection).tables().keySet()) {
                List<String> lines = new ArrayList<>();
                try (var statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    var meta = result.getMetaData();
                    while (result.next()) {
                        SortedMap<String, String> row = new TreeMap<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            if (only == null || only.getOrDefault(table, java.util.Set.of())
                                    .contains(meta.getColumnName(column))) {
                                row.put(meta.getColumnName(column), result.getString(column));
                            }
                        }
                        lines.add(row.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
        }
        return rows;
    }

    private static List<List<String>> history(Database database) throws SQLException {
        List<List<String>> history = new ArrayList<>();
        try (Connection connection = database.connect();
                var statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT installed_rank, version, description, type, script, checksum, installed_on, success
                        FROM flyway_schema_history ORDER BY installed_rank""")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 8; column++) {
                    row.add(result.getString(column));
                }
                history.add(row);
            }
        }
        return history;
    }

    private static List<String> versions(List<MigrationInfo> applied) {
        return applied.stream().map(info -> info.getVersion().getVersion()).toList();
    }

    private static List<String> summary(List<MigrationInfo> applied) {
        return applied.stream()
                .map(info -> "V" + info.getVersion() + " " + info.getDescription() + " " + info.getScript()
                        + " checksum " + info.getChecksum() + " " + info.getState())
                .toList();
    }

    private static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }

    private static long single(Connection connection, String sql, Object... parameters) throws SQLException {
        return insert(connection, sql, parameters);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            switch (parameters[i]) {
                case null -> statement.setNull(i + 1, java.sql.Types.BIGINT);
                case Boolean flag -> statement.setBoolean(i + 1, flag);
                case Long number -> statement.setLong(i + 1, number);
                case Integer number -> statement.setLong(i + 1, number);
                default -> statement.setString(i + 1, parameters[i].toString());
            }
        }
        return statement;
    }
}
