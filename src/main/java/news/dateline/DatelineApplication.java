package news.dateline;

import news.dateline.account.UserAddCommand;
import news.dateline.interchange.WxrCommand;
import news.dateline.search.ReindexCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DatelineApplication {

    public static void main(String[] args) {
        // `java -jar dateline.jar reindex` rebuilds the search index and exits (until the picocli CLI lands).
        if (args.length > 0 && ReindexCommand.NAME.equals(args[0])) {
            System.exit(ReindexCommand.run(DatelineApplication.class, args));
        }
        // `java -jar dateline.jar user add NAME --role ROLE` adds a newsroom account and exits.
        if (UserAddCommand.handles(args)) {
            System.exit(UserAddCommand.run(DatelineApplication.class, args));
        }
        // `import wxr FILE` and `export wxr FILE`: WordPress in and out (docs/migrating-from-wordpress.md).
        if (args.length > 0 && (WxrCommand.IMPORT.equals(args[0]) || WxrCommand.EXPORT.equals(args[0]))) {
            System.exit(WxrCommand.run(DatelineApplication.class, args));
        }
        SpringApplication.run(DatelineApplication.class, args);
    }
}
