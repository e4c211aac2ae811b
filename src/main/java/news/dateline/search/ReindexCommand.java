package news.dateline.search;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dateline.jar reindex}: rebuilds the search index from the database and exits. Runs without
 * the web server and without loading sample content; the index must not be open in a running server (Lucene's
 * write lock would refuse, and the command says so). Until the picocli CLI lands, DatelineApplication.main
 * hands the {@value #NAME} argument here.
 */
public final class ReindexCommand {

    public static final String NAME = "reindex";

    private ReindexCommand() {
    }

    /** Returns the process exit code: 0 when the index was rebuilt. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    /** The same, printing to {@code out} and {@code err} (the command line's streams). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "dateline.sample-content", "false",
                "dateline.search.check-on-start", "false",
                // only what the rebuild needs is created: no reader pages without a web server
                "spring.main.lazy-initialization", "true"));
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 1, args.length))) {
            SearchIndex index = context.getBean(SearchIndex.class);
            if (index.state() == SearchIndex.State.UNAVAILABLE) {
                err.println("The search index cannot be opened (is the server running?). Stop it and retry.");
                return 1;
            }
            int count = index.rebuild();
            out.println("Reindexed " + count + " published articles.");
            return 0;
        } catch (Exception e) {
            err.println("Reindexing failed: " + e.getMessage());
            return 1;
        }
    }
}
