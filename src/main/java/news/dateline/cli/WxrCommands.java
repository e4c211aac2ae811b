package news.dateline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.dateline.interchange.WxrCommand;
import news.dateline.search.ReindexCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import wxr}, {@code export wxr} and {@code reindex}: the commands that were there before the command line,
 * parsed here and handed to {@link WxrCommand} and {@link ReindexCommand} as they were always called.
 */
final class WxrCommands {

    private WxrCommands() {
    }

    static CommandLine importGroup(Invocation invocation) {
        CommandLine group = new CommandLine(new Group("import"));
        group.addSubcommand("wxr", new ImportWxr(invocation));
        return group;
    }

    static CommandLine exportGroup(Invocation invocation) {
        CommandLine group = new CommandLine(new Group("export"));
        group.addSubcommand("wxr", new ExportWxr(invocation));
        return group;
    }

    /** {@code import} and {@code export} alone: which format? */
    @Command(mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            synopsisSubcommandLabel = "FORMAT", description = "WordPress (WXR) interchange.")
    static final class Group implements Runnable {

        private final String name;

        @Spec
        CommandSpec spec;

        Group(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Say what to " + name + ": `" + name + " wxr FILE`.");
        }
    }

    @Command(name = "wxr", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Import a WordPress export (WXR) file: sections, tags, authors, stories, comments, "
                    + "old URLs.")
    static final class ImportWxr implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "FILE", description = "The WXR file WordPress exported.")
        Path file;

        @Option(names = "--dry-run", description = "Read and check everything, store nothing.")
        boolean dryRun;

        @Option(names = "--flatten-categories", description = "Child categories become tags of their parent.")
        boolean flatten;

        @Option(names = "--uploads", paramLabel = "DIR", description = "A copy of the site's wp-content/uploads: "
                + "attachments go into the photo library, featured images become lead photos.")
        Path uploads;

        ImportWxr(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("import", "wxr", file.toString()));
            if (dryRun) {
                args.add("--dry-run");
            }
            if (flatten) {
                args.add("--flatten-categories");
            }
            if (uploads != null) {
                args.add("--uploads");
                args.add(uploads.toString());
            }
            args.addAll(List.of(invocation.springArguments(data.asSpringArguments())));
            Terminal t = invocation.terminal();
            return WxrCommand.run(invocation.application(), args.toArray(String[]::new), t.out(), t.err());
        }
    }

    @Command(name = "wxr", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Write every story, author, section, tag and comment to a WXR 1.2 file.")
    static final class ExportWxr implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "FILE", description = "Where to write the export.")
        Path file;

        ExportWxr(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("export", "wxr", file.toString()));
            args.addAll(List.of(invocation.springArguments(data.asSpringArguments())));
            Terminal t = invocation.terminal();
            return WxrCommand.run(invocation.application(), args.toArray(String[]::new), t.out(), t.err());
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Rebuild the search index from the database (with the site stopped).")
    static final class Reindex implements Callable<Integer> {

        private final Invocation invocation;

        @Mixin
        DataDirOption data = new DataDirOption();

        Reindex(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("reindex"));
            args.addAll(List.of(invocation.springArguments(data.asSpringArguments())));
            Terminal t = invocation.terminal();
            return ReindexCommand.run(invocation.application(), args.toArray(String[]::new), t.out(), t.err());
        }
    }
}
