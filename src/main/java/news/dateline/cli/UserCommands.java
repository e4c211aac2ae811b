package news.dateline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.dateline.account.Account;
import news.dateline.account.Accounts;
import news.dateline.account.UserAddCommand;
import news.dateline.platform.Refusal;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline user add|list|disable|enable|reset-password}: newsroom accounts from the shell. */
final class UserCommands {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private UserCommands() {
    }

    static CommandLine group(Invocation invocation) {
        CommandLine group = new CommandLine(new Group());
        group.addSubcommand("add", new Add(invocation));
        group.addSubcommand("list", new ListUsers(invocation));
        CommandLine disable = new CommandLine(new SetDisabled(invocation, true));
        disable.getCommandSpec().usageMessage().description(
                "Disable an account: it can no longer sign in (its stories stay); the last admin cannot be.");
        group.addSubcommand("disable", disable);
        CommandLine enable = new CommandLine(new SetDisabled(invocation, false));
        enable.getCommandSpec().usageMessage().description("Let a disabled account sign in again.");
        group.addSubcommand("enable", enable);
        group.addSubcommand("reset-password", new ResetPassword(invocation));
        return group;
    }

    @Command(mixinStandardHelpOptions = true, versionProvider = VersionInfo.class, synopsisSubcommandLabel = "COMMAND",
            description = "Newsroom accounts.")
    static final class Group implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(),
                    "Say what to do: `user add`, `user list`, `user disable`, `user enable` or `user reset-password`.");
        }
    }

    /** Parsed here, then run by {@link UserAddCommand} exactly as before the command line existed. */
    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Add a newsroom account; password from DATELINE_PASSWORD, the terminal, or generated.")
    static final class Add implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME", description = "The name to sign in with.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, editor, author or contributor (docs/newsroom.md).")
        String role;

        @Option(names = "--author-name", paramLabel = "NAME",
                description = "Also make an author profile with this byline.")
        String authorName;

        Add(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("user", "add", username, "--role=" + role));
            if (authorName != null) {
                args.add("--author-name=" + authorName);
            }
            args.addAll(List.of(invocation.springArguments(data.asSpringArguments())));
            Terminal t = invocation.terminal();
            return UserAddCommand.run(invocation.application(), args.toArray(String[]::new), t.env(), t.console(),
                    t.in(), t.out(), t.err());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "List every account: name, role, byline, whether it is disabled.")
    static final class ListUsers implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        ListUsers(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContext.start(invocation,
                    data.asSpringArguments())) {
                List<Account> all = context.getBean(Accounts.class).all();
                var out = invocation.terminal().out();
                if (all.isEmpty()) {
                    out.println("No accounts yet: the site creates `admin` on first start, or use `user add`.");
                    return DatelineCli.OK;
                }
                int width = Math.max(8, all.stream().mapToInt(a -> a.username().length()).max().orElse(8));
                out.printf("%-" + width + "s  %-11s  %-8s  %-10s  %s%n", "USERNAME", "ROLE", "STATUS", "CREATED",
                        "WRITES AS");
                for (Account a : all) {
                    out.printf("%-" + width + "s  %-11s  %-8s  %-10s  %s%n", a.username(), a.role().column(),
                            a.disabled() ? "disabled" : "active", DAY.format(a.createdAt()),
                            a.authorName() == null ? "" : a.authorName());
                }
                return DatelineCli.OK;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, versionProvider = VersionInfo.class)
    static final class SetDisabled implements Callable<Integer> {

        private final Invocation invocation;
        private final boolean disable;

        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME")
        String username;

        SetDisabled(Invocation invocation, boolean disable) {
            this.invocation = invocation;
            this.disable = disable;
        }

        @Override
        public Integer call() {
            var t = invocation.terminal();
            try (ConfigurableApplicationContext context = CommandContext.start(invocation,
                    data.asSpringArguments())) {
                Accounts accounts = context.getBean(Accounts.class);
                var account = accounts.find(username);
                if (account.isEmpty()) {
                    t.err().println("There is no account named " + username + ".");
                    return DatelineCli.FAILED;
                }
                if (account.get().disabled() == disable) {
                    t.out().println(account.get().username() + " is already " + (disable ? "disabled" : "enabled")
                            + "; nothing was changed.");
                    return DatelineCli.OK;
                }
                accounts.setDisabled(account.get().id(), disable, null);
                t.out().println((disable ? "Disabled " : "Enabled ") + account.get().username()
                        + (disable ? ": it can no longer sign in." : ": it can sign in again."));
                return DatelineCli.OK;
            } catch (Refusal refused) {
                t.err().println("Not changed: " + refused.getMessage());
                return DatelineCli.FAILED;
            }
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Set a new password; from DATELINE_PASSWORD, the terminal, or generated and printed.")
    static final class ResetPassword implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME")
        String username;

        ResetPassword(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() throws IOException {
            var t = invocation.terminal();
            try (ConfigurableApplicationContext context = CommandContext.start(invocation,
                    data.asSpringArguments())) {
                Accounts accounts = context.getBean(Accounts.class);
                var account = accounts.find(username);
                if (account.isEmpty()) {
                    t.err().println("There is no account named " + username + ".");
                    return DatelineCli.FAILED;
                }
                String generated = accounts.resetPassword(account.get().id(), password(t));
                t.out().println("Password of " + account.get().username() + " changed.");
                if (generated != null) {
                    t.out().println("Password (shown only this once): " + generated);
                }
                return DatelineCli.OK;
            } catch (Refusal invalid) {
                t.err().println("Not changed: " + String.join(" ", invalid.fields().isEmpty()
                        ? java.util.List.of(invalid.getMessage()) : invalid.fields().values()));
                return DatelineCli.FAILED;
            }
        }

        /** As {@code user add} reads it: the environment, else the terminal (not echoed), else one line of input. */
        private static String password(Terminal t) throws IOException {
            String fromEnv = t.env().apply("DATELINE_PASSWORD");
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return fromEnv;
            }
            if (t.console() != null) {
                char[] typed = t.console().readPassword("New password (at least 12 characters; empty generates one): ");
                return typed == null ? "" : new String(typed);
            }
            String line = new BufferedReader(new InputStreamReader(t.in(), StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
    }
}
