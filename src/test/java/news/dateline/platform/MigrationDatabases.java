package news.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import news.dateline.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh, empty databases for the migration tests, and Flyway run on them exactly as the application runs it: the
 * application's own {@code application.properties} ({@code spring.flyway.*}), its {@link DataSourceConfig} and Spring
 * Boot's Flyway auto-configuration, which resolves {@code {vendor}} in the locations from the JDBC URL.
 */
final class MigrationDatabases {

    private MigrationDatabases() {
    }

    /** Where a database is, as the {@code dateline.data.*} properties the application reads. */
    record Database(String vendor, Map<String, String> properties) {

        Connection connect() throws SQLException {
            DataProperties data = new DataProperties(Path.of(properties.get("dateline.data.dir")),
                    properties.get("dateline.data.url"), properties.getOrDefault("dateline.data.username", ""),
                    properties.getOrDefault("dateline.data.password", ""), 1, java.time.Duration.ofSeconds(5));
            return DriverManager.getConnection(data.jdbcUrl(), data.username(), data.password());
        }

        Schema schema() throws SQLException {
            try (Connection connection = connect()) {
                return Schema.read(connection);
            }
        }
    }

    static Database sqlite(String name) {
        return new Database("sqlite", capture(registry -> TestDatabases.sqlite(registry, name)));
    }

    /** A new database on the one embedded PostgreSQL server of this JVM (see {@link TestDatabases}). */
    static Database postgres(String name) {
        return new Database("postgresql", capture(registry -> TestDatabases.postgres(registry, name)));
    }

    static Database fresh(String vendor, String name) {
        return switch (vendor) {
            case "sqlite" -> sqlite(name);
            case "postgresql" -> postgres(name);
            default -> throw new IllegalArgumentException(vendor);
        };
    }

    /** What the application's start-up migration did, and what Flyway says about the database afterwards. */
    record Migrated(MigrateResult result, List<MigrationInfo> applied, ValidateResult validation) {
    }

    /**
     * Starts the application's Flyway on the database, as at application start, and reports what it did. The only
     * addition is a {@link FlywayMigrationStrategy} that calls {@code migrate()}, as Spring Boot does without one, and
     * keeps its result.
     */
    static Migrated migrateAsTheApplication(Database database, String... extraProperties) {
        List<String> properties = new ArrayList<>();
        database.properties().forEach((key, value) -> properties.add(key + "=" + value));
        properties.addAll(List.of(extraProperties));
        Migrated[] migrated = new Migrated[1];
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withUserConfiguration(DataSourceConfig.class, Application.class)
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).as("the application's Flyway on " + database.vendor()).hasNotFailed();
                    Flyway flyway = context.getBean(Flyway.class);
                    migrated[0] = new Migrated(context.getBean(Application.class).result,
                            List.of(flyway.info().applied()), flyway.validateWithResult());
                });
        return migrated[0];
    }

    /** What {@code DatelineApplication} contributes besides the data source: its configuration properties. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DataProperties.class)
    static class Application {

        private MigrateResult result;

        @Bean
        FlywayMigrationStrategy recordingMigrationStrategy() {
            return flyway -> result = flyway.migrate();
        }
    }

    private static Map<String, String> capture(java.util.function.Consumer<DynamicPropertyRegistry> setUp) {
        Map<String, String> values = new HashMap<>();
        setUp.accept(new DynamicPropertyRegistry() {
            @Override
            public void add(String name, Supplier<Object> valueSupplier) {
                values.put(name, String.valueOf(valueSupplier.get()));
            }
        });
        return values;
    }
}
