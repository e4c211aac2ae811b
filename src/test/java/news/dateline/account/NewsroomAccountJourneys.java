package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Signing in, roles and the users screen, through the running server on each database. Each test makes its
 * own accounts and signs in from an address of its own.
 */
interface NewsroomAccountJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;

    @Test
    default void aContributorCannotManageUsers() {
        String contributor = TestAccounts.create(this, "contributor");
        String admin = TestAccounts.create(this, "admin");
        StaffSession session = StaffSession.signedIn(this, contributor, PASSWORD);
        long accountsBefore = jdbc().sql("SELECT COUNT(*) FROM account").query(Long.class).single();

        assertThat(session.get("/newsroom/users").status()).isEqualTo(403);
        assertThat(session.get("/newsroom").html().select("a[href=/newsroom/users]")).isEmpty();
        Page add = session.post("/newsroom/users", Map.of("username", "sneaky-" + System.nanoTime(),
                "role", "admin", "password", "a long enough password"));
        Page promote = session.post("/newsroom/users/" + id(contributor) + "/role", Map.of("role", "admin"));
        Page demote = session.post("/newsroom/users/" + id(admin) + "/role", Map.of("role", "contributor"));
        Page disable = session.post("/newsroom/users/" + id(admin) + "/disable", Map.of());

        assertThat(List.of(add.status(), promote.status(), demote.status(), disable.status()))
                .containsOnly(403);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isEqualTo(accountsBefore);
        assertThat(role(contributor)).isEqualTo("contributor");
        assertThat(role(admin)).isEqualTo("admin");
        assertThat(disabled(admin)).isFalse();
    }

    @Test
    default void anAdminAddsAnEditorWhoCanThenSignIn() {
        String admin = TestAccounts.create(this, "admin");
        StaffSession session = StaffSession.signedIn(this, admin, PASSWORD);
        String editor = "Editor." + Long.toString(System.nanoTime(), 36);

        Page tooShort = session.post("/newsroom/users", Map.of("username", editor, "role", "editor",
                "password", "short", "author", "", "newAuthorName", "Noor Haddad"));
        assertThat(tooShort.status()).isEqualTo(422);
        Document form = tooShort.html();
        assertThat(form.select("#password-error").text()).isEqualTo(AccountMessages.PASSWORD_TOO_SHORT);
        assertThat(form.select("#username").val()).isEqualTo(editor);
        assertThat(form.select("#role option[selected]").val()).isEqualTo("editor");
        assertThat(form.select("#new-author-name").val()).isEqualTo("Noor Haddad");
        assertThat(form.select("#new-password").val()).isEmpty();
        assertThat(id(editor)).isNull();

        for (Map.Entry<String, String> weak : Map.of("password1234", AccountMessages.PASSWORD_COMMON,
                "Dragon2024!!!", AccountMessages.PASSWORD_COMMON, "aaaaaaaaaaaa", AccountMessages.PASSWORD_REPEATED,
                "abcabcabcabc", AccountMessages.PASSWORD_REPEATED).entrySet()) {
            Page refused = session.post("/newsroom/users", Map.of("username", editor, "role", "editor",
                    "password", weak.getKey(), "author", "", "newAuthorName", "Noor Haddad"));
            assertThat(refused.status()).as(weak.getKey()).isEqualTo(422);
            assertThat(refused.html().select("#password-error").text()).as(weak.getKey()).isEqualTo(weak.getValue());
            assertThat(refused.html().select("#username").val()).isEqualTo(editor);
            assertThat(refused.html().select("#new-author-name").val()).isEqualTo("Noor Haddad");
            assertThat(id(editor)).isNull();
        }

        Page added = session.post("/newsroom/users", Map.of("username", editor, "role", "editor",
                "password", "ink and paper at midnight", "author", "", "newAuthorName", "Noor Haddad"));
        assertThat(added.status()).isEqualTo(302);
        Document users = session.get("/newsroom/users").html();
        assertThat(users.select("#users-notice").text()).isEqualTo("Added " + editor + " as editor.");
        assertThat(users.select("#users tr:contains(" + editor + ") .role").text()).isEqualTo("editor");
        assertThat(users.select("#users tr:contains(" + editor + ")").text()).contains("Noor Haddad");

        Page duplicate = session.post("/newsroom/users", Map.of("username", editor.toLowerCase(), "role", "author",
                "password", "", "author", "", "newAuthorName", ""));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.html().select("#username-error").text())
                .isEqualTo(AccountMessages.USERNAME_TAKEN.formatted(editor.toLowerCase()));

        StaffSession newcomer = StaffSession.open(this);
        Page signIn = newcomer.attemptSignIn(editor, "ink and paper at midnight");
        assertThat(signIn.header("Location")).endsWith("/newsroom");
        Document dashboard = newcomer.get("/newsroom").html();
        assertThat(dashboard.select(".nr-signout span").text()).isEqualTo(editor + " · editor");
        assertThat(dashboard.select("a[href=/newsroom/comments]")).isNotEmpty();
        assertThat(dashboard.select("a[href=/newsroom/users]")).isEmpty();
        assertThat(jdbc().sql("""
                        SELECT au.name FROM account ac JOIN author au ON au.id = ac.author_id
                        WHERE ac.username = :u""").param("u", editor).query(String.class).single())
                .isEqualTo("Noor Haddad");
    }

    @Test
    default void anAdminResetsAPasswordWithAGeneratedOneShownOnce() {
        String admin = TestAccounts.create(this, "admin");
        String author = TestAccounts.create(this, "author");
        StaffSession session = StaffSession.signedIn(this, admin, PASSWORD);

        assertThat(session.post("/newsroom/users/" + id(author) + "/password", Map.of("password", "")).status())
                .isEqualTo(302);
        Document users = session.get("/newsroom/users").html();
        String generated = users.select("#generated-password").text();
        assertThat(generated).hasSize(24);
        assertThat(session.get("/newsroom/users").html().select("#generated-password")).isEmpty();

        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location")).contains("error");
        assertThat(StaffSession.open(this).attemptSignIn(author, generated).header("Location"))
                .endsWith("/newsroom");
    }

    @Test
    default void aDisabledUserCannotSignIn() {
        String admin = TestAccounts.create(this, "admin");
        String author = TestAccounts.create(this, "author");
        StaffSession adminSession = StaffSession.signedIn(this, admin, PASSWORD);
        StaffSession authorSession = StaffSession.signedIn(this, author, PASSWORD);

        assertThat(adminSession.post("/newsroom/users/" + id(author) + "/disable", Map.of()).status())
                .isEqualTo(302);
        assertThat(disabled(author)).isTrue();

        Page kickedOut = authorSession.get("/newsroom");
        assertThat(kickedOut.status()).as("the open session ends").isEqualTo(302);
        assertThat(kickedOut.header("Location")).endsWith("/newsroom/login");

        StaffSession again = StaffSession.open(this);
        Document refused = again.signInLandingPage(author, PASSWORD).html();
        assertThat(refused.select("[role=alert]").text()).isEqualTo(AccountMessages.DISABLED);
        assertThat(again.get("/newsroom").status()).isEqualTo(302);
        Document wrongPassword = StaffSession.open(this).signInLandingPage(author, "not the password").html();
        assertThat(wrongPassword.select("[role=alert]").text())
                .as("a guesser learns nothing about the account").isEqualTo(AccountMessages.BAD_CREDENTIALS);

        adminSession.post("/newsroom/users/" + id(author) + "/enable", Map.of());
        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location")).endsWith("/newsroom");
    }

    @Test
    default void theLastAdminCannotBeDemotedOrDisabled() {
        String admin = TestAccounts.create(this, "admin");
        String other = TestAccounts.create(this, "editor");
        StaffSession session = StaffSession.signedIn(this, admin, PASSWORD);
        // Other journeys' admins are switched off for the moment, so this one is the last that can sign in.
        List<Long> others = jdbc().sql("SELECT id FROM account WHERE role = 'admin' AND disabled = :no AND id <> :me")
                .param("no", false).param("me", id(admin)).query(Long.class).list();
        try {
            others.forEach(id -> jdbc().sql("UPDATE account SET disabled = :yes WHERE id = :id")
                    .param("yes", true).param("id", id).update());

            session.post("/newsroom/users/" + id(admin) + "/role", Map.of("role", "editor"));
            Document refused = session.get("/newsroom/users").html();
            assertThat(refused.select("#users-problem").text())
                    .isEqualTo(AccountMessages.LAST_ADMIN.formatted(admin));
            assertThat(role(admin)).isEqualTo("admin");

            session.post("/newsroom/users/" + id(admin) + "/disable", Map.of());
            assertThat(session.get("/newsroom/users").html().select("#users-problem").text())
                    .isEqualTo(AccountMessages.NOT_YOURSELF);
            assertThat(disabled(admin)).isFalse();

            session.post("/newsroom/users/" + id(other) + "/role", Map.of("role", "admin"));
            assertThat(role(other)).isEqualTo("admin");
            assertThat(session.post("/newsroom/users/" + id(admin) + "/role", Map.of("role", "editor"))
                    .header("Location")).endsWith("/newsroom");
            assertThat(role(admin)).as("with another admin, stepping down is allowed").isEqualTo("editor");
            assertThat(session.get("/newsroom/users").status()).as("and applies at once").isEqualTo(403);
        } finally {
            others.forEach(id -> jdbc().sql("UPDATE account SET disabled = :no WHERE id = :id")
                    .param("no", false).param("id", id).update());
        }
    }

    /**
     * Two admins demote each other at the same moment: each request alone is allowed (there is another admin),
     * together they would leave none. One must be refused, whichever database. Several rounds, because a race
     * shows itself only sometimes.
     */
    @Test
    default void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        List<Long> others = jdbc().sql("SELECT id FROM account WHERE role = 'admin' AND disabled = :no")
                .param("no", false).query(Long.class).list();
        try {
            others.forEach(id -> jdbc().sql("UPDATE account SET disabled = :yes WHERE id = :id")
                    .param("yes", true).param("id", id).update());
            for (int round = 0; round < 8; round++) {
                String first = TestAccounts.create(this, "admin");
                String second = TestAccounts.create(this, "admin");
                StaffSession one = StaffSession.signedIn(this, first, PASSWORD);
                StaffSession two = StaffSession.signedIn(this, second, PASSWORD);
                one.get("/newsroom/users");
                two.get("/newsroom/users");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                    var a = threads.submit(() -> {
                        together.await();
                        return one.post("/newsroom/users/" + id(second) + "/role", Map.of("role", "editor"));
                    });
                    var b = threads.submit(() -> {
                        together.await();
                        return two.post("/newsroom/users/" + id(first) + "/role", Map.of("role", "editor"));
                    });
                    // 302: done or refused with a message; 403: the other was first and this one is no admin now
                    assertThat(List.of(a.get().status(), b.get().status())).as("never a 500")
                            .allMatch(status -> status == 302 || status == 403);
                }
                assertThat(List.of(role(first), role(second))).as("round %d: one admin stays", round)
                        .contains("admin");
                // back to none for the next round
                jdbc().sql("UPDATE account SET disabled = :yes WHERE username IN (:a, :b)").param("yes", true)
                        .param("a", first).param("b", second).update();
            }
        } finally {
            others.forEach(id -> jdbc().sql("UPDATE account SET disabled = :no WHERE id = :id")
                    .param("no", false).param("id", id).update());
        }
    }

    @Test
    default void aPasswordChangeWorksAndTheOldPasswordStopsWorking() {
        String author = TestAccounts.create(this, "author");
        StaffSession session = StaffSession.signedIn(this, author, PASSWORD);
        assertThat(session.get("/newsroom/password").status()).isEqualTo(200);

        Page mistakes = session.post("/newsroom/password", Map.of("current", "wrong", "password", author,
                "confirm", author));
        assertThat(mistakes.status()).isEqualTo(422);
        Document form = mistakes.html();
        assertThat(form.select("#current-error").text()).isEqualTo(AccountMessages.CURRENT_PASSWORD_WRONG);
        assertThat(form.select("#password-error").text()).isEqualTo(AccountMessages.PASSWORD_IS_USERNAME);
        Page common = session.post("/newsroom/password", Map.of("current", PASSWORD,
                "password", "qwertyuiop123", "confirm", "qwertyuiop123"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.html().select("#password-error").text()).isEqualTo(AccountMessages.PASSWORD_COMMON);
        Page mismatch = session.post("/newsroom/password", Map.of("current", PASSWORD,
                "password", "a brand new passphrase", "confirm", "a brand new passphrasf"));
        assertThat(mismatch.html().select("#confirm-error").text()).isEqualTo(AccountMessages.PASSWORD_MISMATCH);
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash(author))).isTrue();

        Page changed = session.post("/newsroom/password", Map.of("current", PASSWORD,
                "password", "a brand new passphrase", "confirm", "a brand new passphrase"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(session.get("/newsroom/password").html().select("[role=status]").text())
                .startsWith("Your password has been changed.");

        Document old = StaffSession.open(this).signInLandingPage(author, PASSWORD).html();
        assertThat(old.select("[role=alert]").text()).isEqualTo(AccountMessages.BAD_CREDENTIALS);
        assertThat(StaffSession.open(this).attemptSignIn(author, "a brand new passphrase").header("Location"))
                .endsWith("/newsroom");
    }

    @Test
    default void aPasswordChangeEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() {
        String author = TestAccounts.create(this, "author");
        String colleague = TestAccounts.create(this, "author");
        StaffSession laptop = StaffSession.signedIn(this, author, PASSWORD);
        StaffSession phone = StaffSession.signedIn(this, author, PASSWORD);
        StaffSession colleagues = StaffSession.signedIn(this, colleague, PASSWORD);
        assertThat(phone.get("/newsroom").status()).isEqualTo(200);

        assertThat(laptop.post("/newsroom/password", Map.of("current", PASSWORD,
                "password", "a brand new passphrase", "confirm", "a brand new passphrase")).status())
                .isEqualTo(302);

        Page kickedOut = phone.get("/newsroom");
        assertThat(kickedOut.status()).as("the other session ends").isEqualTo(302);
        assertThat(kickedOut.header("Location")).endsWith("/newsroom/login");
        assertThat(phone.get("/newsroom").status()).as("and stays ended").isEqualTo(302);
        assertThat(laptop.get("/newsroom/password").html().select("[role=status]").text())
                .as("the session that changed it stays signed in").startsWith("Your password has been changed.");
        assertThat(laptop.get("/newsroom").status()).isEqualTo(200);
        assertThat(colleagues.get("/newsroom").status()).as("another account's session is untouched")
                .isEqualTo(200);
        assertThat(StaffSession.open(this).attemptSignIn(author, "a brand new passphrase").header("Location"))
                .endsWith("/newsroom");
    }

    @Test
    default void anAdminsPasswordResetEndsTheAccountsSessions() {
        String admin = TestAccounts.create(this, "admin");
        String author = TestAccounts.create(this, "author");
        StaffSession adminSession = StaffSession.signedIn(this, admin, PASSWORD);
        StaffSession authorSession = StaffSession.signedIn(this, author, PASSWORD);

        assertThat(adminSession.post("/newsroom/users/" + id(author) + "/password",
                Map.of("password", "a password the admin chose")).status()).isEqualTo(302);

        assertThat(authorSession.get("/newsroom").status()).as("the author's open session ends").isEqualTo(302);
        assertThat(adminSession.get("/newsroom/users").status()).isEqualTo(200);
    }

    @Test
    default void loginThrottlingSlowsGuessesAtOneAccountButNeverLocksItsOwnerOut() {
        String target = TestAccounts.create(this, "editor");
        String colleague = TestAccounts.create(this, "editor");
        StaffSession guesser = StaffSession.open(this);

        for (int i = 1; i <= 4; i++) {
            assertThat(guesser.signInLandingPage(target, "guess " + i).html().select("[role=alert]").text())
                    .isEqualTo(AccountMessages.BAD_CREDENTIALS);
        }
        Document fifth = guesser.signInLandingPage(target, "guess 5").html();
        assertThat(fifth.select("[role=alert]").text())
                .isEqualTo(AccountMessages.ACCOUNT_SLOWED.formatted(1));
        assertThat(fifth.select("#username").val()).isEqualTo(target);
        assertThat(guesser.signInLandingPage(colleague, "guess").html().select("[role=alert]").text())
                .as("another account is not slowed").isEqualTo(AccountMessages.BAD_CREDENTIALS);

        assertThat(StaffSession.open(this).attemptSignIn(target, PASSWORD).header("Location"))
                .as("the right password, slowed down but not refused").endsWith("/newsroom");
        assertThat(guesser.attemptSignIn(colleague, PASSWORD).header("Location")).endsWith("/newsroom");
    }

    @Test
    default void loginThrottlingByAddressStopsAGuesserTryingManyAccounts() {
        StaffSession guesser = StaffSession.open(this);
        for (int account = 0; account < 4; account++) {
            String name = TestAccounts.create(this, "author");
            for (int i = 0; i < 5; i++) {
                guesser.attemptSignIn(name, "guess " + i);
            }
        }
        String untouched = TestAccounts.create(this, "author");

        Document refused = guesser.signInLandingPage(untouched, PASSWORD).html();
        assertThat(refused.select("[role=alert]").text())
                .startsWith("Too many failed sign-ins from your network. Try again after ");
        assertThat(StaffSession.open(this).attemptSignIn(untouched, PASSWORD).header("Location"))
                .as("another address").endsWith("/newsroom");
    }

    @Test
    default void signingInGivesANewSessionInAnHttpOnlySameSiteCookie() {
        String author = TestAccounts.create(this, "author");
        StaffSession session = StaffSession.open(this);
        Page login = session.get("/newsroom/login");
        String before = login.header("Set-Cookie");
        assertThat(before).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");

        Page signedIn = session.post("/newsroom/login", Map.of("username", author, "password", PASSWORD));
        String after = signedIn.header("Set-Cookie");
        assertThat(after).as("a new session id on sign-in").startsWith("JSESSIONID=");
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        assertThat(session.get("/newsroom").status()).isEqualTo(200);

        session.post("/newsroom/logout", Map.of());
        assertThat(session.get("/newsroom").status()).isEqualTo(302);
        assertThat(session.get("/newsroom/login?signed-out").html().select("[role=status]").text())
                .isEqualTo("You have signed out.");
    }

    private static String sessionId(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    private Long id(String username) {
        return jdbc().sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class)
                .optional().orElse(null);
    }

    private String role(String username) {
        return jdbc().sql("SELECT role FROM account WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    private boolean disabled(String username) {
        return jdbc().sql("SELECT disabled FROM account WHERE username = :u").param("u", username)
                .query(Boolean.class).single();
    }

    private String hash(String username) {
        return jdbc().sql("SELECT password_hash FROM account WHERE username = :u").param("u", username)
                .query(String.class).single();
    }
}
