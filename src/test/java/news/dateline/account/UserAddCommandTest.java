package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.DatelineApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code user add} writes an account a person can sign in with, and refuses a name that is taken. */
class UserAddCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addsAnAdminWithAGeneratedPasswordAndABylineThenRefusesTheSameNameAgain(@TempDir Path dataDir)
            throws Exception {
        int added = run(dataDir, Map.of(), "", "user", "add", "Lena", "--role", "admin",
                "--author-name", "Lena Vogt");

        assertThat(added).as(err.toString()).isZero();
        Matcher printed = Pattern.compile("Password \\(shown only this once\\): (\\S+)").matcher(out.toString());
        assertThat(printed.find()).as(out.toString()).isTrue();
        String password = printed.group(1);
        assertThat(out.toString()).contains("Added Lena as admin, writing as Lena Vogt.");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dateline.db"));
                ResultSet row = db.createStatement().executeQuery("""
                        SELECT ac.username, ac.role, ac.password_hash, au.name, au.slug,
                               (SELECT COUNT(*) FROM account) AS accounts
                        FROM account ac JOIN author au ON au.id = ac.author_id""")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("username")).isEqualTo("Lena");
            assertThat(row.getString("role")).isEqualTo("admin");
            assertThat(new BCryptPasswordEncoder().matches(password, row.getString("password_hash"))).isTrue();
            assertThat(row.getString("slug")).isEqualTo("lena-vogt");
            assertThat(row.getInt("accounts")).as("no first admin besides").isEqualTo(1);
        }

        out.reset();
        int again = run(dataDir, Map.of("DATELINE_PASSWORD", "another long password"), "", "user", "add", "lena",
                "--role", "editor");

        assertThat(again).isEqualTo(1);
        assertThat(err.toString()).contains("There is already an account named Lena; nothing was changed.");
        assertThat(out.toString()).doesNotContain("Added");
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndRefusesAShortOne(@TempDir Path dataDir) throws Exception {
        assertThat(run(dataDir, Map.of("DATELINE_PASSWORD", "too short"), "", "user", "add", "sam",
                "--role=editor")).isEqualTo(1);
        assertThat(err.toString()).contains("Not added: " + AccountMessages.PASSWORD_TOO_SHORT);

        assertThat(run(dataDir, Map.of(), "typed on standard input\n", "user", "add", "sam", "--role=editor"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added sam as editor.").doesNotContain("shown only this once");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dateline.db"));
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT password_hash, author_id FROM account WHERE username = 'sam'")) {
            assertThat(row.next()).isTrue();
            assertThat(new BCryptPasswordEncoder().matches("typed on standard input", row.getString(1))).isTrue();
            assertThat(row.getObject(2)).isNull();
        }
        assertThat(run(dataDir, Map.of(), "", "user", "add", "kim", "--role", "chief")).isEqualTo(2);
        assertThat(err.toString()).contains("--role must be one of admin, editor, author, contributor.");
    }

    private int run(Path dataDir, Map<String, String> env, String stdin, String... command) {
        String[] args = new String[command.length + 3];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--dateline.data.dir=" + dataDir;
        args[command.length + 1] = "--dateline.data.url=";
        args[command.length + 2] = "--spring.main.banner-mode=off";
        return UserAddCommand.run(DatelineApplication.class, args, env::get, null,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
