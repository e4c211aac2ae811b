package news.dateline.cli;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for a command that needs Dateline's own services (accounts): no sample
 * site, no first admin, no search index check, beans made only when asked for, and only warnings logged. Flyway
 * migrates the database first, as it does when the site starts.
 */
final class CommandContext {

    private CommandContext() {
    }

    static ConfigurableApplicationContext start(Invocation invocation, List<String> options) {
        SpringApplication app = new SpringApplication(invocation.application());
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "dateline.sample-content", "false",
                "dateline.first-admin", "false",
                "dateline.search.check-on-start", "false",
                "spring.main.lazy-initialization", "true",
                "spring.main.log-startup-info", "false",
                "logging.level.root", "WARN",
                "logging.level.news.dateline.search", "OFF",
                "logging.level.org.apache.lucene", "ERROR"));
        return app.run(invocation.springArguments(options));
    }
}
