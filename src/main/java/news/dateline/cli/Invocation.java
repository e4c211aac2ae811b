package news.dateline.cli;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of the command line: the application class to start, where to print, Spring Boot's arguments as given,
 * and what to do with the site's context once {@code serve} has started it (nothing, in the real process).
 */
record Invocation(Class<?> application, Terminal terminal, SpringArguments arguments,
        Consumer<ConfigurableApplicationContext> serving) {

    /** Spring's arguments for a command, its own options' properties first. */
    String[] springArguments(List<String> fromOptions) {
        return arguments.springWith(fromOptions).toArray(String[]::new);
    }
}
