package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.dateline.platform.MigrationDatabases.Database;
import org.junit.jupiter.api.Test;

/**
 * The migrations give SQLite and PostgreSQL the same schema: a column, index or key added in one dialect only fails
 * the build here, naming the table and column (docs/architecture.md, "Migrations").
 */
class SchemasMatchTest {

    @Test
    void freshSqliteAndPostgresGetTheSameSchema() throws Exception {
        Database sqlite = MigrationDatabases.sqlite("schemas_match");
        Database postgres = MigrationDatabases.postgres("schemas_match");
        MigrationDatabases.migrateAsTheApplication(sqlite);
        MigrationDatabases.migrateAsTheApplication(postgres);

        Schema onSqlite = sqlite.schema();
        Schema onPostgres = postgres.schema();

        // A reader that saw nothing would make the comparison pass vacuously.
        assertThat(onSqlite.tables()).containsKeys("section", "author", "article", "comment", "account", "live_entry");
        List<String> differences = onSqlite.differencesFrom(onPostgres);
        assertThat(differences)
                .withFailMessage("SQLite and PostgreSQL schemas after the migrations differ (%d):%n  %s%n",
                        differences.size(), String.join(System.lineSeparator() + "  ", differences))
                .isEmpty();
    }
}
