package news.dateline.account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import news.dateline.platform.Refusal;
import news.dateline.platform.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dateline.jar user add USERNAME --role ROLE [--author-name "Name"]}: adds a newsroom account
 * and exits. The password comes from the environment variable DATELINE_PASSWORD, else from the terminal (not
 * echoed) or one line of standard input; left empty, one is generated and printed once. Runs without the web
 * server and without creating the first admin (the account added may be the first). Until the picocli CLI
 * lands, DatelineApplication.main hands "user add" here.
 */
public final class UserAddCommand {

    public static final String NAME = "user";
    static final String USAGE = "Usage: user add USERNAME --role admin|editor|author|contributor "
            + "[--author-name \"Name\"]";

    private UserAddCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Returns the process exit code: 0 when the account was added. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, System::getenv, System.console(), System.in, System.out, System.err);
    }

    /** The same with the environment, terminal and streams given (the command line's, or a test's). */
    public static int run(Class<?> application, String[] args, Function<String, String> env, Console console,
            InputStream stdin, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "dateline.sample-content", "false",
                "dateline.first-admin", "false",
                "dateline.search.check-on-start", "false",
                "spring.main.lazy-initialization", "true",
                // the one line that matters is ours; the search index (opened by every context, and locked
                // by a running server) has nothing to do with adding an account
                "logging.level.root", "WARN",
                "logging.level.news.dateline.search", "OFF",
                "logging.level.org.apache.lucene", "ERROR"));
        try (ConfigurableApplicationContext context = app.run(request.springArgs().toArray(String[]::new))) {
            Accounts accounts = context.getBean(Accounts.class);
            var existing = accounts.find(request.username());
            if (existing.isPresent()) {
                err.println("There is already an account named " + existing.get().username()
                        + "; nothing was changed.");
                return 1;
            }
            String password = password(env, console, stdin, out);
            CreatedAccount created = accounts.add(new NewAccount(request.username(), request.role(), password,
                    null, request.authorName()));
            Account account = created.account();
            out.println("Added " + account.username() + " as " + account.role().column()
                    + (account.authorName() != null ? ", writing as " + account.authorName() : "") + ".");
            if (created.generatedPassword() != null) {
                out.println("Password (shown only this once): " + created.generatedPassword());
            }
            return 0;
        } catch (Refusal refused) {
            err.println("Not added: " + refused.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("Adding the user failed: " + e.getMessage());
            return 1;
        }
    }

    private static String password(Function<String, String> env, Console console, InputStream stdin,
            PrintStream out) throws IOException {
        String fromEnv = env.apply("DATELINE_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (console != null) {
            char[] typed = console.readPassword("Password (at least %d characters; empty generates one): ",
                    Passwords.MIN_LENGTH);
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    record Request(String username, String role, String authorName, List<String> springArgs) {

        static Request parse(String[] args) {
            if (args.length < 2 || !"add".equals(args[1])) {
                throw new IllegalArgumentException("Unknown user command.");
            }
            String username = null;
            String role = null;
            String authorName = null;
            List<String> spring = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--role") || arg.equals("--author-name")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value.");
                    }
                    if (arg.equals("--role")) {
                        role = args[++i];
                    } else {
                        authorName = args[++i];
                    }
                } else if (arg.startsWith("--role=")) {
                    role = arg.substring("--role=".length());
                } else if (arg.startsWith("--author-name=")) {
                    authorName = arg.substring("--author-name=".length());
                } else if (arg.startsWith("--")) {
                    spring.add(arg); // a Spring property such as --dateline.data.dir=/srv/dateline
                } else if (username == null) {
                    username = arg;
                } else {
                    throw new IllegalArgumentException("Only one username, please: " + arg);
                }
            }
            if (username == null) {
                throw new IllegalArgumentException("Name the user to add.");
            }
            if (Role.parse(role).isEmpty()) {
                throw new IllegalArgumentException("--role must be one of admin, editor, author, contributor.");
            }
            return new Request(username, role, authorName, spring);
        }
    }
}
