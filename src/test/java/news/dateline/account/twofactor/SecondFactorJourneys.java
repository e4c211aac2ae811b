package news.dateline.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff member's second factor, through the real server: setting up an authenticator app, signing in with its
 * code or a recovery code, the throttle counting wrong codes, and admins requiring a second factor of editors and
 * administrators. Codes are computed as an app would (our RFC 6238 code, checked against the RFC's vectors in
 * {@link TotpTest}) at the site's movable clock.
 */
interface SecondFactorJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;
    /** account.SecondStepController's limit: the fifth wrong code ends the half-way sign-in. */
    int WRONG_CODES_PER_SIGN_IN = 5;

    record Enrolled(byte[] secret, List<String> recoveryCodes) {
    }

    private String codeNow(byte[] secret) {
        return Totp.code(secret, Totp.step(bean(MovableClock.class).instant()));
    }

    /** The next 30-second step: a code of the step just used is (rightly) refused as used. */
    private void nextStep() {
        bean(MovableClock.class).advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    private Enrolled enrol(StaffSession staff) {
        Page page = staff.get("/newsroom/two-factor");
        assertThat(page.status()).isEqualTo(200);
        String shown = page.html().select("#totp-secret").text();
        byte[] secret = Base32.decode(shown);
        Page done = staff.post("/newsroom/two-factor", Map.of("code", codeNow(secret)));
        assertThat(done.status()).as("confirmed by the first code").isEqualTo(200);
        return new Enrolled(secret, done.html().select("#recovery-codes li").eachText());
    }

    private long failuresOf(String username) {
        return bean(JdbcClient.class).sql("""
                        SELECT COALESCE(MAX(failures), 0) FROM sign_in_failure
                        WHERE scope = 'account' AND subject = :subject""")
                .param("subject", username).query(Long.class).single();
    }

    @Test
    default void aWriterSetsUpAnAuthenticatorAppAndFromThenOnSignsInWithItsCode() {
        String author = TestAccounts.create(this, "author");
        StaffSession writer = StaffSession.signedIn(this, author, PASSWORD);

        Page page = writer.get("/newsroom/two-factor");
        String secret = page.html().select("#totp-secret").text().replace(" ", "");
        assertThat(secret).as("the secret, as text to type").matches("[A-Z2-7]{32}");
        assertThat(page.html().select("#totp-uri").text()).as("and as an address for apps")
                .startsWith("otpauth://totp/Dateline:" + author + "?secret=" + secret + "&issuer=Dateline")
                .contains("digits=6", "period=30", "algorithm=SHA1");
        Page qr = writer.get("/newsroom/two-factor/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(qr.response().body()).contains("<svg", "<path d=\"M");
        assertThat(writer.get("/newsroom/two-factor").html().select("#totp-secret").text().replace(" ", ""))
                .as("the same secret until it is confirmed, so a reload does not undo the scan").isEqualTo(secret);
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT t.sealed FROM totp_secret t JOIN account a ON a.id = t.account_id
                        WHERE a.username = :u""").param("u", author).query(String.class).single())
                .as("stored sealed, not as the secret").doesNotContain(secret)
                .isNotEqualTo(java.util.Base64.getEncoder().encodeToString(Base32.decode(secret)));

        byte[] key = Base32.decode(secret);
        String wrong = codeNow(key).equals("000000") ? "111111" : "000000";
        Page refused = writer.post("/newsroom/two-factor", Map.of("code", wrong));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#code-error").text()).isEqualTo(TwoFactorMessages.WRONG_FIRST_CODE);
        assertThat(refused.html().select("#code").val()).as("the input kept").isEqualTo(wrong);

        String confirming = codeNow(key);
        Page on = writer.post("/newsroom/two-factor", Map.of("code", confirming));
        assertThat(on.status()).isEqualTo(200);
        List<String> recovery = on.html().select("#recovery-codes li").eachText();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        Page later = writer.get("/newsroom/two-factor");
        assertThat(later.html().select("#recovery-codes")).as("shown once").isEmpty();
        assertThat(later.html().select("#two-factor-on").text()).contains("10 of 10 recovery codes are unused");
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM recovery_code r JOIN account a ON a.id = r.account_id
                        WHERE a.username = :u AND r.code_hash = :plain""")
                .param("u", author).param("plain", recovery.get(0)).query(Long.class).single())
                .as("stored hashed").isZero();

        StaffSession phone = StaffSession.open(this);
        Page password = phone.attemptSignIn(author, PASSWORD);
        assertThat(password.header("Location")).as("the password leads to the code").endsWith("/newsroom/login/code");
        assertThat(phone.get("/newsroom").header("Location")).as("not signed in yet").contains("/newsroom/login");
        Page ask = phone.get("/newsroom/login/code");
        assertThat(ask.html().select("label[for=code]").text()).contains("code from your authenticator app");
        Page reused = phone.post("/newsroom/login/code", Map.of("code", confirming));
        assertThat(reused.html().select("[role=alert]").text()).as("the code that confirmed it, used once already")
                .isEqualTo(TwoFactorMessages.WRONG_CODE);

        nextStep();
        String signingIn = codeNow(key);
        Page in = phone.post("/newsroom/login/code", Map.of("code", signingIn));
        assertThat(in.status()).isEqualTo(302);
        assertThat(in.header("Location")).as("on to the page asked for before the code")
                .endsWith("/newsroom?continue");
        assertThat(phone.get("/newsroom").status()).as("signed in").isEqualTo(200);
        assertThat(phone.get("/newsroom/password").html().select(".nr-signout span").text()).startsWith(author);

        StaffSession replay = StaffSession.open(this);
        replay.attemptSignIn(author, PASSWORD);
        replay.get("/newsroom/login/code");
        assertThat(replay.post("/newsroom/login/code", Map.of("code", signingIn)).html()
                .select("[role=alert]").text()).as("the same code again, from another browser")
                .isEqualTo(TwoFactorMessages.WRONG_CODE);
        assertThat(replay.get("/newsroom").header("Location")).contains("/newsroom/login");
    }

    @Test
    default void aWrongCodeCountsAsAFailedSignInAndFiveOfThemSendThePersonBackToThePassword() {
        String author = TestAccounts.create(this, "author");
        Enrolled enrolled = enrol(StaffSession.signedIn(this, author, PASSWORD));
        nextStep();
        StaffSession guesser = StaffSession.open(this);
        assertThat(guesser.attemptSignIn(author, PASSWORD).header("Location")).endsWith("/newsroom/login/code");
        guesser.get("/newsroom/login/code");
        String wrong = codeNow(enrolled.secret()).equals("123456") ? "654321" : "123456";
        for (int i = 1; i < WRONG_CODES_PER_SIGN_IN; i++) {
            Page refused = guesser.post("/newsroom/login/code", Map.of("code", wrong));
            assertThat(refused.status()).as("wrong code " + i).isEqualTo(401);
            assertThat(refused.html().select("#code").val()).as("the input kept").isEqualTo(wrong);
            assertThat(failuresOf(author)).as("counted in sign_in_failure").isEqualTo(i);
        }
        Page last = guesser.post("/newsroom/login/code", Map.of("code", wrong));
        assertThat(last.header("Location")).as("the fifth wrong code").contains("/newsroom/login?error");
        assertThat(guesser.get("/newsroom/login").html().select("[role=alert]").text())
                .isEqualTo(TwoFactorMessages.TOO_MANY_CODES);
        assertThat(guesser.post("/newsroom/login/code", Map.of("code", codeNow(enrolled.secret())))
                .header("Location")).as("the right code no longer helps without the password again")
                .endsWith("/newsroom/login");
        assertThat(failuresOf(author)).isEqualTo(WRONG_CODES_PER_SIGN_IN);

        StaffSession owner = StaffSession.open(this);
        owner.attemptSignIn(author, PASSWORD); // slowed down by the count, but still checked
        owner.get("/newsroom/login/code");
        assertThat(owner.post("/newsroom/login/code", Map.of("code", codeNow(enrolled.secret()))).header("Location"))
                .endsWith("/newsroom");
        assertThat(failuresOf(author)).as("the right code cleared the account's count").isZero();
    }

    @Test
    default void aRecoveryCodeSignsInOnceInPlaceOfTheAppCode() {
        String editor = TestAccounts.create(this, "editor");
        Enrolled enrolled = enrol(StaffSession.signedIn(this, editor, PASSWORD));
        String recovery = enrolled.recoveryCodes().get(3);

        StaffSession lostPhone = StaffSession.open(this);
        lostPhone.attemptSignIn(editor, PASSWORD);
        lostPhone.get("/newsroom/login/code");
        assertThat(lostPhone.post("/newsroom/login/code", Map.of("code", recovery.toUpperCase().replace("-", " ")))
                .header("Location")).as("typed in capitals with a space").endsWith("/newsroom");
        assertThat(lostPhone.get("/newsroom/two-factor").html().select("#two-factor-on").text())
                .contains("9 of 10 recovery codes are unused");

        StaffSession again = StaffSession.open(this);
        again.attemptSignIn(editor, PASSWORD);
        again.get("/newsroom/login/code");
        assertThat(again.post("/newsroom/login/code", Map.of("code", recovery)).html().select("[role=alert]").text())
                .as("the same recovery code twice").isEqualTo(TwoFactorMessages.WRONG_CODE);
    }

    @Test
    default void anAccountWithoutASecondFactorSignsInWithItsPasswordAloneAsBefore() {
        String contributor = TestAccounts.create(this, "contributor");
        StaffSession staff = StaffSession.open(this);
        Page result = staff.attemptSignIn(contributor, PASSWORD);
        assertThat(result.status()).isEqualTo(302);
        assertThat(result.header("Location")).endsWith("/newsroom").doesNotContain("code");
        assertThat(staff.get("/newsroom").status()).isEqualTo(200);
        assertThat(staff.get("/newsroom/login/code").header("Location")).as("nothing half-way to finish")
                .endsWith("/newsroom/login");
    }

    @Test
    default void whenAnAdminRequiresASecondFactorAnEditorWithoutOneCanOnlySetOneUp() {
        String admin = TestAccounts.create(this, "admin");
        String editor = TestAccounts.create(this, "editor");
        String author = TestAccounts.create(this, "author");
        StaffSession boss = StaffSession.signedIn(this, admin, PASSWORD);
        enrol(boss);
        try {
            boss.get("/newsroom/users/second-factor");
            Page saved = boss.post("/newsroom/users/second-factor", Map.of("required", "true"));
            assertThat(saved.header("Location")).endsWith("/newsroom/users/second-factor");
            Page settings = boss.get("/newsroom/users/second-factor");
            assertThat(settings.html().select("#setting-saved").text()).contains("now required");
            assertThat(settings.html().select("#required").hasAttr("checked")).isTrue();
            assertThat(settings.html().select("#staff-factors tr:contains(" + editor + ")").text()).contains("not yet");
            assertThat(boss.get("/newsroom/articles").status()).as("the admin has one: nothing changes")
                    .isEqualTo(200);

            StaffSession desk = StaffSession.open(this);
            assertThat(desk.attemptSignIn(editor, PASSWORD).header("Location")).endsWith("/newsroom");
            assertThat(desk.get("/newsroom").header("Location")).as("sent to set one up")
                    .endsWith("/newsroom/two-factor");
            assertThat(desk.get("/newsroom/articles").header("Location")).endsWith("/newsroom/two-factor");
            long articles = bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article").query(Long.class).single();
            Page write = desk.get("/newsroom/two-factor");
            assertThat(write.html().select("#must-enrol").text()).isEqualTo(TwoFactorMessages.MUST_ENROL);
            assertThat(desk.post("/newsroom/articles", Map.of("headline", "Written around the second factor",
                    "body", "Should not exist.", "action", "publish")).header("Location"))
                    .endsWith("/newsroom/two-factor");
            assertThat(bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article").query(Long.class).single())
                    .as("nothing written").isEqualTo(articles);
            assertThat(desk.get("/newsroom/session").status()).isEqualTo(302);
            Page api = desk.post("/api/v1/comments/1/approve", Map.of());
            assertThat(api.status()).isEqualTo(403);
            assertThat(api.response().body()).contains(TwoFactorMessages.MUST_ENROL_API);

            Page page = desk.get("/newsroom/two-factor");
            byte[] secret = Base32.decode(page.html().select("#totp-secret").text());
            assertThat(desk.post("/newsroom/two-factor", Map.of("code", codeNow(secret))).status()).isEqualTo(200);
            assertThat(desk.get("/newsroom/articles").status()).as("enrolled: the newsroom opens").isEqualTo(200);
            assertThat(desk.get("/newsroom/two-factor").html().select("form[action$=/off]"))
                    .as("required for the role: it cannot be turned off").isEmpty();

            StaffSession writer = StaffSession.open(this);
            writer.attemptSignIn(author, PASSWORD);
            assertThat(writer.get("/newsroom/articles").status()).as("authors are not made to").isEqualTo(200);
        } finally {
            bean(SecondFactors.class).require(false, admin); // the site is shared with other journeys
        }
    }

    @Test
    default void anAdminRemovesTheSecondFactorOfAWriterWhoLostTheirPhone() {
        String author = TestAccounts.create(this, "author");
        enrol(StaffSession.signedIn(this, author, PASSWORD));
        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location"))
                .endsWith("/newsroom/login/code");
        StaffSession boss = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), PASSWORD);
        Page settings = boss.get("/newsroom/users/second-factor");
        String action = settings.html().select("#staff-factors tr:contains(" + author + ") form").attr("action");
        assertThat(action).endsWith("/second-factor/reset");
        assertThat(boss.post(action, Map.of()).header("Location")).endsWith("/newsroom/users/second-factor");
        assertThat(boss.get("/newsroom/users/second-factor").html().select("#reset-notice").text())
                .isEqualTo(TwoFactorMessages.RESET.formatted(author));
        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location"))
                .as("the password alone again").endsWith("/newsroom");
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT COUNT(*) FROM recovery_code r JOIN account a ON a.id = r.account_id
                        WHERE a.username = :u""").param("u", author).query(Long.class).single())
                .as("its recovery codes gone too").isZero();
    }

    @Test
    default void aWriterWhoIsNotRequiredToCanTurnItOffWithACurrentCode() {
        String author = TestAccounts.create(this, "author");
        StaffSession writer = StaffSession.signedIn(this, author, PASSWORD);
        Enrolled enrolled = enrol(writer);
        nextStep();
        Page refused = writer.post("/newsroom/two-factor/off", Map.of("code", "12"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#code-error").text()).isEqualTo(TwoFactorMessages.WRONG_CODE);
        assertThat(writer.post("/newsroom/two-factor/off", Map.of("code", codeNow(enrolled.secret())))
                .header("Location")).endsWith("/newsroom/two-factor");
        assertThat(writer.get("/newsroom/two-factor").html().select("[role=status]").text())
                .contains("Two-factor sign-in is off");
        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location"))
                .as("the password alone again").endsWith("/newsroom");
    }

}
