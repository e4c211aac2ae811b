package news.dateline.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import news.dateline.DatelineApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line run in this JVM as {@code java -jar dateline.jar ARGS} would run it, with its output captured
 * and its exit code returned instead of ending the process. Sites that {@code serve} starts are kept to close.
 */
final class Cli {

    private final Map<String, String> env = new HashMap<>(System.getenv());
    private String stdin = "";

    Cli env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env::get, null);
        int exit = DatelineCli.run(DatelineApplication.class, args, terminal, context -> started[0] = context);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), started[0]);
    }

    record Run(int exit, String out, String err, ConfigurableApplicationContext site) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
