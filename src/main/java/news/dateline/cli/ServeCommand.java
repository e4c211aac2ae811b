package news.dateline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dateline serve}: the site, as {@code java -jar dateline.jar} always started it. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Run the site: reader pages, newsroom, feeds (the default when no command is given).")
final class ServeCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: PORT, else 8080).")
    Integer port;

    ServeCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        List<String> options = new ArrayList<>(data.asSpringArguments());
        if (port != null) {
            options.add("--server.port=" + port);
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(invocation.application()).run(invocation.springArguments(options));
        } catch (RuntimeException e) {
            // Spring Boot has already logged why the site could not start
            return DatelineCli.FAILED;
        }
        invocation.serving().accept(context);
        return DatelineCli.SERVING;
    }
}
