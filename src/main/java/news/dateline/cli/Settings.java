package news.dateline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.dateline.platform.DataProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Dateline's settings read exactly as the site reads them (application.properties, DATELINE_* variables, the
 * command line's --name=value), but nothing else: no database connection, no Flyway, no search index. For
 * {@code backup}, {@code restore} and {@code check}, which must look at a data directory without changing it.
 */
record Settings(DataProperties data, String flywayLocations, String commentSigningKey, String mediaBucket) {

    static Settings read(Invocation invocation, List<String> options) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OnlySettings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("logging.level.root", "WARN"))
                .run(invocation.springArguments(options))) {
            Environment env = context.getEnvironment();
            return new Settings(context.getBean(DataProperties.class),
                    env.getProperty("spring.flyway.locations", "classpath:db/migration/{vendor}"),
                    env.getProperty("dateline.comments.signing-key", ""),
                    env.getProperty("dateline.media.s3.bucket", "").strip());
        }
    }

    Path dataDir() {
        return data.dir();
    }

    boolean sqlite() {
        return data.usesSqlite();
    }

    /** The SQLite file, {@code <data dir>/dateline.db}. */
    Path sqliteFile() {
        String url = data.url();
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length());
            return Path.of(file.contains("?") ? file.substring(0, file.indexOf('?')) : file);
        }
        return data.dir().resolve("dateline.db");
    }

    /** What Flyway reads for this database, {vendor} filled in as Spring Boot does. */
    String[] migrationLocations() {
        String vendor = sqlite() ? "sqlite" : "postgresql";
        return java.util.Arrays.stream(flywayLocations.split(","))
                .map(String::strip).map(l -> l.replace("{vendor}", vendor)).toArray(String[]::new);
    }

    /** Not a @Configuration, so that the site's component scan never picks it up. */
    @EnableConfigurationProperties(DataProperties.class)
    static class OnlySettings {
    }
}
