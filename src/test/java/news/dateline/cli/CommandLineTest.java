package news.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * What an operator sees of {@code dateline}: the list of commands, one command's help, the version, and a typo
 * answered with exit 2 and the command meant, before anything starts; no command at all still serves the site.
 */
class CommandLineTest {

    private final Cli cli = new Cli();

    @Test
    void helpListsEveryCommandWithItsOptions() {
        Cli.Run help = cli.run("--help");

        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains(
                "serve [--data-dir=DIR] [--port=PORT]",
                "user add [--author-name=NAME] [--data-dir=DIR] --role=ROLE USERNAME",
                "user list [--data-dir=DIR]",
                "user disable [--data-dir=DIR] USERNAME",
                "user enable [--data-dir=DIR] USERNAME",
                "user reset-password [--data-dir=DIR] USERNAME",
                "import wxr [--dry-run] [--flatten-categories] [--data-dir=DIR] [--uploads=DIR] FILE",
                "export wxr [--data-dir=DIR] FILE",
                "reindex [--data-dir=DIR]",
                "backup [--list] [--data-dir=DIR] [--to=DIR|FILE]",
                "restore [--force] [--data-dir=DIR] FILE",
                "check [--data-dir=DIR]",
                "help [COMMAND...]",
                "-V, --version",
                "Exit codes: 0 done, 1 failed");
        assertThat(cli.run("-h").out()).isEqualTo(help.out());
    }

    @Test
    void helpForOneCommandShowsItsOptionsInFull() {
        Cli.Run help = cli.run("help", "user", "add");

        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: dateline user add")
                .contains("--role=ROLE", "admin, editor, author or contributor", "--author-name=NAME");
        assertThat(cli.run("user", "add", "--help").out()).isEqualTo(help.out());

        Cli.Run restore = cli.run("help", "restore");
        assertThat(restore.out()).contains("--force", "--data-dir=DIR", "FILE");
    }

    @Test
    void versionPrintsDatelineTheCommitAndJava() throws Exception {
        Cli.Run version = cli.run("--version");

        assertThat(version.exit()).isZero();
        Properties build = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
            build.load(in);
        }
        String[] lines = version.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("Dateline " + build.getProperty("build.version"));
        assertThat(lines[1]).matches("commit ([0-9a-f]{7,}(-dirty)? \\(.+\\)|unknown)");
        assertThat(lines[2]).startsWith("Java " + Runtime.version()).contains(System.getProperty("java.home"));
    }

    @Test
    void anUploadsFolderThatIsNotThereIsRefusedBeforeAnythingStarts(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        Path export = java.nio.file.Files.writeString(tmp.resolve("export.xml"), "<rss/>");
        Cli.Run run = cli.run("import", "wxr", export.toString(), "--uploads", tmp.resolve("uploads").toString(),
                "--dateline.data.dir=" + dataDir);
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("No such folder: " + tmp.resolve("uploads")
                + " (--uploads names a copy of wp-content/uploads)");
        assertThat(run.site()).isNull();
        assertThat(dataDir).as("no data directory created").doesNotExist();
    }

    @Test
    void typosExitWithTwoAndTheCommandMeantBeforeAnythingStarts(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("data");
        String dir = "--dateline.data.dir=" + dataDir;

        Cli.Run command = cli.run("usr", "add", "bob", "--role", "admin", dir);
        assertThat(command.exit()).as(command.toString()).isEqualTo(2);
        assertThat(command.err()).contains("Unknown command `usr`: did you mean `user add`?", "dateline --help");

        assertThat(cli.run("useradd", "bob", dir).err()).contains("did you mean `user add`?");
        assertThat(cli.run("user", "ad", "bob", dir).err()).contains("did you mean `user add`?");
        assertThat(cli.run("bakcup", dir).err()).contains("did you mean `backup`?");
        assertThat(cli.run("reindx", dir).err()).contains("did you mean `reindex`?");

        Cli.Run option = cli.run("user", "add", "bob", "--rol", "admin", dir);
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option `--rol` for `user add`: did you mean `--role`?",
                "See `dateline help user add`.");
        assertThat(cli.run("--hepl").err()).contains("did you mean `--help`?");
        assertThat(cli.run("backup", "--too=/tmp/x", dir).err()).contains("did you mean `--to`?");

        Cli.Run nothingLike = cli.run("frobnicate", dir);
        assertThat(nothingLike.exit()).isEqualTo(2);
        assertThat(nothingLike.err()).contains("Unknown command `frobnicate`.").doesNotContain("did you mean");

        Cli.Run missing = cli.run("user", "add", dir);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--role=ROLE", "USERNAME");
        assertThat(cli.run("user", dir).exit()).isEqualTo(2);
        assertThat(cli.run("import", dir).err()).contains("`import wxr FILE`");

        for (Cli.Run run : new Cli.Run[] {command, option, nothingLike, missing}) {
            assertThat(run.out()).as("no Spring Boot, no log line").isEmpty();
            assertThat(run.site()).isNull();
        }
        assertThat(dataDir).as("no data directory created").doesNotExist();
    }

    @Test
    void noCommandServesTheSiteWithSpringBootsArguments(@TempDir Path dataDir) throws Exception {
        Cli.Run run = cli.run("--server.port=0", "--dateline.data.dir=" + dataDir, "--dateline.data.url=");

        assertThat(run.exit()).as(run.toString()).isEqualTo(DatelineCli.SERVING);
        try (var site = run.site()) {
            int port = ((WebServerApplicationContext) site).getWebServer().getPort();
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<html");
            assertThat(Files.exists(dataDir.resolve("dateline.db"))).isTrue();
        }
    }
}
