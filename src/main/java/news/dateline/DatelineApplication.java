package news.dateline;

import news.dateline.cli.DatelineCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DatelineApplication {

    /**
     * {@code dateline [COMMAND]} (news.dateline.cli): no command serves the site, as before; every other command
     * exits with its code (0 done, 1 failed, 2 wrong command line).
     */
    public static void main(String[] args) {
        int exit = DatelineCli.run(DatelineApplication.class, args);
        if (exit != DatelineCli.SERVING) {
            System.exit(exit);
        }
    }
}
