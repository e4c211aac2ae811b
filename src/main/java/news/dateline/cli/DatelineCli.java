package news.dateline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code dateline [COMMAND]}: the one entry point of the jar. With no command it serves the site, as
 * {@code java -jar dateline.jar} always did; Spring Boot's own {@code --name=value} arguments are accepted by
 * every command. Exit codes: 0 done, 1 failed (the message says why), 2 the command line was wrong (nothing was
 * started: no Spring context, no data directory).
 */
public final class DatelineCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** What {@link #run} returns once {@code serve} has started the site: the process must stay up. */
    public static final int SERVING = -1;

    private DatelineCli() {
    }

    /** The real process: {@code DatelineApplication.main} exits with this unless it is {@link #SERVING}. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, Terminal.system(), context -> {
        });
    }

    public static int run(Class<?> application, String[] args, Terminal terminal,
            Consumer<ConfigurableApplicationContext> serving) {
        SpringArguments split = SpringArguments.split(args);
        Invocation invocation = new Invocation(application, terminal, split, serving);
        CommandLine cli = commandLine(invocation);
        return cli.execute(split.own().toArray(String[]::new));
    }

    static CommandLine commandLine(Invocation invocation) {
        CommandLine cli = new CommandLine(new Root(invocation));
        cli.addSubcommand("serve", new ServeCommand(invocation));
        cli.addSubcommand("user", UserCommands.group(invocation));
        cli.addSubcommand("import", WxrCommands.importGroup(invocation));
        cli.addSubcommand("export", WxrCommands.exportGroup(invocation));
        cli.addSubcommand("reindex", new WxrCommands.Reindex(invocation));
        cli.addSubcommand("backup", new BackupCommand(invocation));
        cli.addSubcommand("restore", new RestoreCommand(invocation));
        cli.addSubcommand("check", new CheckCommand(invocation));
        cli.addSubcommand("help", new HelpCommand());
        cli.setOut(new PrintWriter(invocation.terminal().out(), true));
        cli.setErr(new PrintWriter(invocation.terminal().err(), true));
        cli.setUsageHelpWidth(100);
        cli.setAbbreviatedSubcommandsAllowed(false);
        cli.setParameterExceptionHandler((ex, args) -> wrongUsage(ex, invocation.terminal()));
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            invocation.terminal().err().println(path(command) + " failed: " + message(ex));
            return FAILED;
        });
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                help -> everyCommand(cli));
        cli.setHelpSectionKeys(List.of(
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER));
        return cli;
    }

    /** Every command with its options, for {@code dateline --help}. */
    private static String everyCommand(CommandLine root) {
        StringBuilder text = new StringBuilder();
        for (CommandLine command : leaves(root)) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            String synopsis = command.getHelp().synopsis(2).stripTrailing().replace(" [-hV]", "");
            text.append("  ").append(synopsis.replaceFirst("^dateline ", "")).append('\n');
            String[] description = command.getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                text.append("      ").append(description[0]).append('\n');
            }
        }
        text.append("  help [COMMAND...]\n      One command's options in full, e.g. `dateline help user add`.\n");
        return text.toString();
    }

    static List<CommandLine> leaves(CommandLine command) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getSubcommands().isEmpty()) {
                all.add(sub);
            } else {
                all.addAll(leaves(sub));
            }
        }
        return all;
    }

    /** "user add" for the command {@code dateline user add}; "" for dateline itself. */
    static String path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        return qualified.equals("dateline") ? "dateline" : qualified.substring("dateline ".length());
    }

    /** Every command's words, "user add", "user", "import wxr", ..., for suggestions. */
    private static Map<String, CommandLine> everyPath(CommandLine root) {
        Map<String, CommandLine> paths = new LinkedHashMap<>();
        collect(root, paths);
        return paths;
    }

    private static void collect(CommandLine command, Map<String, CommandLine> paths) {
        for (CommandLine sub : command.getSubcommands().values()) {
            paths.put(path(sub), sub);
            collect(sub, paths);
        }
    }

    private static int wrongUsage(ParameterException ex, Terminal terminal) {
        CommandLine command = ex.getCommandLine();
        String where = path(command);
        String helpFor = where.equals("dateline") ? "dateline --help" : "dateline help " + where;
        // A mistyped option also leaves a required one missing; the typo is what the person needs to hear about.
        List<String> words = ex instanceof UnmatchedArgumentException unmatched ? unmatched.getUnmatched()
                : command.getParseResult() != null ? command.getParseResult().unmatched() : List.of();
        if (!words.isEmpty()) {
            String first = words.get(0);
            if (first.startsWith("-")) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                Optional<String> option = Suggestions.nearest(List.of(name),
                        command.getCommandSpec().optionsMap().keySet());
                terminal.err().println("Unknown option `" + name + "`"
                        + (where.equals("dateline") ? "" : " for `" + where + "`")
                        + option.map(o -> ": did you mean `" + o + "`?").orElse("."));
            } else if (!command.getSubcommands().isEmpty()) {
                String matched = where.equals("dateline") ? "" : where;
                Optional<String> nearest = Suggestions.nearest(Suggestions.typedForms(matched, words),
                        everyPath(rootOf(command)).keySet());
                String typed = (matched.isEmpty() ? "" : matched + " ") + first;
                terminal.err().println("Unknown command `" + typed + "`"
                        + nearest.map(n -> ": did you mean `" + n + "`?").orElse("."));
            } else {
                terminal.err().println("`" + where + "` takes no more arguments: " + String.join(" ", words));
            }
        } else {
            terminal.err().println(ex.getMessage());
        }
        terminal.err().println("See `" + helpFor + "`.");
        return USAGE;
    }

    private static CommandLine rootOf(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** Without a command: serve, as {@code java -jar dateline.jar} and {@code ./mvnw spring-boot:run} always did. */
    @Command(name = "dateline", versionProvider = VersionInfo.class,
            synopsisHeading = "Usage: ", customSynopsis = "dateline [COMMAND] [OPTIONS] [--spring.property=value...]",
            optionListHeading = "%nOptions:%n",
            description = "Dateline, a news platform in one jar. With no command it serves the site.",
            commandListHeading = "%nCommands:%n",
            footerHeading = "%n",
            footer = {
                    "Every command also takes Spring Boot properties (--server.port=8081,",
                    "--dateline.data.dir=/srv/dateline) and DATELINE_* environment variables (README, Configuration).",
                    "Exit codes: 0 done, 1 failed (the message says why), 2 wrong command line (nothing was done)."})
    static final class Root implements Callable<Integer> {

        private final Invocation invocation;

        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true,
                description = "Show this list of commands and exit.")
        boolean help;

        @picocli.CommandLine.Option(names = {"-V", "--version"}, versionHelp = true,
                description = "Print the version, the git commit it was built from and the Java version.")
        boolean version;

        Root(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            return new ServeCommand(invocation).call();
        }
    }

    /** {@code dateline help user add}: one command's usage, found by its words (picocli's own takes one word). */
    @Command(name = "help", description = "One command's options in full, e.g. `dateline help user add`.")
    static final class HelpCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "COMMAND", arity = "0..*")
        List<String> words = new ArrayList<>();

        @Override
        public Integer call() {
            CommandLine target = spec.commandLine().getParent();
            for (String word : words) {
                CommandLine next = target.getSubcommands().get(word);
                if (next == null) {
                    throw new UnmatchedArgumentException(target, words.subList(words.indexOf(word), words.size()));
                }
                target = next;
            }
            target.usage(spec.commandLine().getOut());
            return OK;
        }
    }
}
