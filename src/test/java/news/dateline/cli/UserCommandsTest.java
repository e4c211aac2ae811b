package news.dateline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.account.AccountMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code user add|list|disable|enable|reset-password} and the commands that were there before the command line
 * ({@code import wxr}, {@code export wxr}, {@code reindex}), through {@code dateline}: exit codes, messages, and
 * what is in the database afterwards.
 */
class UserCommandsTest {

    @TempDir
    Path dataDir;

    private final Cli cli = new Cli().env("DATELINE_PASSWORD", null);

    private Cli.Run dateline(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dataDir;
        all[args.length + 1] = "--dateline.data.url=";
        return cli.run(all);
    }

    @Test
    void accountsAreAddedListedDisabledEnabledAndGivenNewPasswords() throws Exception {
        Cli.Run empty = dateline("user", "list");
        assertThat(empty.exit()).as(empty.toString()).isZero();
        assertThat(empty.out()).contains("No accounts yet");

        Cli.Run added = dateline("user", "add", "lena", "--role", "admin", "--author-name", "Lena Vogt");
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).contains("Added lena as admin, writing as Lena Vogt.", "Password (shown only this once)");
        cli.stdin("a password typed on standard input\n");
        assertThat(dateline("user", "add", "sam", "--role=editor").exit()).isZero();

        Cli.Run listed = dateline("user", "list");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).containsPattern("USERNAME +ROLE +STATUS +CREATED +WRITES AS")
                .containsPattern("lena +admin +active +\\d{4}-\\d\\d-\\d\\d +Lena Vogt")
                .containsPattern("sam +editor +active");

        Cli.Run disabled = dateline("user", "disable", "sam");
        assertThat(disabled.exit()).as(disabled.toString()).isZero();
        assertThat(disabled.out()).contains("Disabled sam: it can no longer sign in.");
        assertThat(dateline("user", "list").out()).containsPattern("sam +editor +disabled");
        assertThat(dateline("user", "disable", "sam").out()).contains("sam is already disabled; nothing was changed.");

        Cli.Run lastAdmin = dateline("user", "disable", "lena");
        assertThat(lastAdmin.exit()).isEqualTo(1);
        assertThat(lastAdmin.err()).startsWith("Not changed: ").contains("lena");
        assertThat(dateline("user", "list").out()).containsPattern("lena +admin +active");

        Cli.Run nobody = dateline("user", "disable", "nobody");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("There is no account named nobody.");

        assertThat(dateline("user", "enable", "sam").out()).contains("Enabled sam: it can sign in again.");
        assertThat(dateline("user", "list").out()).containsPattern("sam +editor +active");

        cli.env("DATELINE_PASSWORD", "short");
        Cli.Run tooShort = dateline("user", "reset-password", "sam");
        assertThat(tooShort.exit()).isEqualTo(1);
        assertThat(tooShort.err()).startsWith("Not changed: ");
        cli.env("DATELINE_PASSWORD", "password1234");
        Cli.Run common = dateline("user", "reset-password", "sam");
        assertThat(common.exit()).isEqualTo(1);
        assertThat(common.err()).startsWith("Not changed: ").contains(AccountMessages.PASSWORD_COMMON);
        cli.env("DATELINE_PASSWORD", null).stdin("aaaaaaaaaaaa\n");
        Cli.Run repeated = dateline("user", "add", "rhea", "--role=author");
        assertThat(repeated.exit()).as(repeated.toString()).isEqualTo(1);
        assertThat(repeated.err()).contains(AccountMessages.PASSWORD_REPEATED);
        assertThat(dateline("user", "list").out()).doesNotContain("rhea");

        cli.env("DATELINE_PASSWORD", "a long enough new password");
        Cli.Run reset = dateline("user", "reset-password", "sam");
        assertThat(reset.exit()).as(reset.toString()).isZero();
        assertThat(reset.out()).contains("Password of sam changed.").doesNotContain("shown only this once");
        assertThat(passwordMatches("sam", "a long enough new password")).isTrue();

        cli.env("DATELINE_PASSWORD", null).stdin("");
        Cli.Run generated = dateline("user", "reset-password", "lena");
        assertThat(generated.exit()).isZero();
        Matcher printed = Pattern.compile("Password \\(shown only this once\\): (\\S+)").matcher(generated.out());
        assertThat(printed.find()).as(generated.out()).isTrue();
        assertThat(passwordMatches("lena", printed.group(1))).isTrue();
    }

    @Test
    void theCommandsFromBeforeRunThroughDateline(@TempDir Path files) throws Exception {
        Cli.Run missing = dateline("import", "wxr", files.resolve("nowhere.xml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No such file: " + files.resolve("nowhere.xml"));

        Path wxr = files.resolve("site.xml");
        Cli.Run exported = dateline("export", "wxr", wxr.toString());
        assertThat(exported.exit()).as(exported.toString()).isZero();
        assertThat(exported.out()).contains("Exported 0 articles to " + wxr + " (WXR 1.2).");
        assertThat(Files.readString(wxr)).contains("<rss", "wxr_version");

        Cli.Run dryRun = dateline("import", "wxr", wxr.toString(), "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();

        Cli.Run reindexed = dateline("reindex");
        assertThat(reindexed.exit()).as(reindexed.toString()).isZero();
        assertThat(reindexed.out()).contains("Reindexed 0 published articles.");
        assertThat(dataDir.resolve("index")).isDirectory();
    }

    private boolean passwordMatches(String username, String password) throws Exception {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dateline.db"));
                var statement = db.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && new BCryptPasswordEncoder().matches(password, row.getString(1));
            }
        }
    }
}
