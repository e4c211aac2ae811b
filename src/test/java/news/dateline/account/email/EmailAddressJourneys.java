package news.dateline.account.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.dateline.account.AccountMessages;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.Smtp;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff set an email address (issue 17, docs/mail.md): their own by following a link mailed to the new address,
 * another account's directly when they are an administrator. Mail goes through GreenMail on a random port.
 */
interface EmailAddressJourneys extends RunningSite {

    Duration WITHIN = Duration.ofSeconds(20);
    String PASSWORD = TestAccounts.PASSWORD;
    String CONFIRM_PREFIX = "/newsroom/email/confirm/";

    @Test
    default void aStaffMemberChangesTheirAddressByFollowingTheLinkMailedToTheNewOne() throws Exception {
        String author = TestAccounts.create(this, "author");
        String old = withEmail(author, "old");
        String fresh = Smtp.address("fresh");
        StaffSession session = StaffSession.signedIn(this, author, PASSWORD);
        assertThat(session.get("/newsroom/password").html().select("a[href=/newsroom/email]").text())
                .as("linked next to Password").isEqualTo("Email");

        Page asked = session.post("/newsroom/email", Map.of("email", fresh.toUpperCase(), "current", PASSWORD));
        assertThat(asked.status()).isEqualTo(302);
        Document after = session.get("/newsroom/email").html();
        assertThat(after.select("#email-notice").text()).contains("We sent a link to " + fresh);
        assertThat(after.select("#current-address").text()).as("nothing changes before the link").contains(old);
        assertThat(address(author)).isEqualTo(old);

        MimeMessage mail = Smtp.awaitMail(fresh, 1, WITHIN);
        assertThat(mail.getSubject()).isEqualTo("Confirm your new email address · Dateline");
        assertThat(Smtp.text(mail)).contains(author).contains("24 hours");
        String link = Smtp.linkPath(mail, CONFIRM_PREFIX);
        assertThat(storedHashes(author)).as("only a hash of the token is stored").hasSize(1)
                .noneMatch(link::contains);

        Document confirm = session.get(link).html();
        assertThat(confirm.select("#new-address").text()).isEqualTo(fresh);
        Page confirmed = session.post(link, Map.of());
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(session.get("/newsroom/email").html().select("#email-notice").text())
                .isEqualTo("Your email address is now " + fresh + ".");
        assertThat(address(author)).isEqualTo(fresh);
        MimeMessage note = Smtp.awaitMail(old, 1, WITHIN);
        assertThat(note.getSubject()).isEqualTo("Your newsroom email address was changed · Dateline");
        assertThat(Smtp.text(note)).contains(fresh).contains("tell an administrator");
        assertThat(auditEntries(author)).as("audited once").isEqualTo(1);

        Page again = session.get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.html().select("#link-problem").text()).startsWith("This link has already been used");
        Page reused = session.post(link, Map.of());
        assertThat(reused.status()).as("the link works once").isEqualTo(410);
        assertThat(auditEntries(author)).isEqualTo(1);

        StaffSession forgetful = StaffSession.open(this);
        forgetful.get("/newsroom/forgot");
        forgetful.post("/newsroom/forgot", Map.of("email", fresh));
        assertThat(Smtp.linkPath(Smtp.awaitMail(fresh, 2, WITHIN), "/newsroom/reset/"))
                .as("a password reset now reaches the new address").startsWith("/newsroom/reset/");
    }

    @Test
    default void aWrongPasswordOrAnUnusableAddressIsRefusedByNameWithTheInputKept() throws Exception {
        String editor = TestAccounts.create(this, "editor");
        String other = TestAccounts.create(this, "author");
        String taken = withEmail(other, "taken");
        StaffSession session = StaffSession.signedIn(this, editor, PASSWORD);
        session.get("/newsroom/email");
        String wanted = Smtp.address("wanted");

        Page wrong = session.post("/newsroom/email", Map.of("email", wanted, "current", "not my password at all"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.html().select("#current-error").text()).isEqualTo(AccountMessages.CURRENT_PASSWORD_WRONG);
        assertThat(wrong.html().select("input#email").val()).as("the input is kept").isEqualTo(wanted);

        Page malformed = session.post("/newsroom/email", Map.of("email", "wanted at example", "current", PASSWORD));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.html().select("#email-error").text()).isEqualTo(AccountMessages.EMAIL_SHAPE);
        assertThat(malformed.html().select("input#email").val()).isEqualTo("wanted at example");

        Page duplicate = session.post("/newsroom/email", Map.of("email", taken, "current", PASSWORD));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.html().select("#email-error").text()).isEqualTo(AccountMessages.EMAIL_TAKEN);

        // Every mail leaves through the outbox, queued in the request's own transaction: with nothing queued,
        // nothing can arrive later either (no waiting for the worker to prove it).
        assertThat(queuedTo(wanted)).as("no link queued for a refused request").isZero();
        assertThat(queuedTo(taken)).isZero();
        assertThat(Smtp.mailsTo(wanted)).as("no link for a refused request").isEmpty();
        assertThat(Smtp.mailsTo(taken)).isEmpty();
        assertThat(address(editor)).isNull();
        assertThat(storedHashes(editor)).isEmpty();
    }

    @Test
    default void aSixthLinkWithinTheHourIsRefusedWithTheInputKeptAndNothingMailed() throws Exception {
        String editor = TestAccounts.create(this, "editor");
        StaffSession session = StaffSession.signedIn(this, editor, PASSWORD);
        session.get("/newsroom/email");
        for (int i = 1; i <= 5; i++) {
            Page sent = session.post("/newsroom/email", Map.of("email", Smtp.address("often" + i), "current", PASSWORD));
            assertThat(sent.status()).as("link %d of the hour", i).isEqualTo(302);
        }
        String sixth = Smtp.address("often6");
        Page refused = session.post("/newsroom/email", Map.of("email", sixth, "current", PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.html().select("#email-error").text()).startsWith("Five links were sent in the last hour");
        assertThat(refused.html().select("input#email").val()).as("the input is kept").isEqualTo(sixth);
        assertThat(queuedTo(sixth)).as("no link queued beyond the limit, so none will arrive").isZero();
        assertThat(Smtp.mailsTo(sixth)).as("no link beyond the limit").isEmpty();
    }

    @Test
    default void aConfirmationLinkWorksOnlyForItsOwnAccountAndFor24Hours() {
        String author = TestAccounts.create(this, "author");
        String nosy = TestAccounts.create(this, "editor");
        String wanted = Smtp.address("later");
        StaffSession session = StaffSession.signedIn(this, author, PASSWORD);
        session.get("/newsroom/email");
        session.post("/newsroom/email", Map.of("email", wanted, "current", PASSWORD));
        String link = Smtp.linkPath(Smtp.awaitMail(wanted, 1, WITHIN), CONFIRM_PREFIX);

        StaffSession someoneElse = StaffSession.signedIn(this, nosy, PASSWORD);
        someoneElse.get("/newsroom/email");
        Page foreign = someoneElse.post(link, Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.html().select("#link-problem").text()).startsWith("This link is for another account");
        assertThat(address(nosy)).isNull();

        String altered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(session.get(altered).status()).as("an altered link").isEqualTo(400);

        bean(MovableClock.class).advance(Duration.ofHours(25));
        Page expired = session.post(link, Map.of());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.html().select("#link-problem").text()).startsWith("This link has expired");
        assertThat(address(author)).isNull();
    }

    @Test
    default void anAdministratorSetsAnotherAccountsAddressDirectly() {
        String admin = TestAccounts.create(this, "admin");
        String author = TestAccounts.create(this, "author");
        String other = TestAccounts.create(this, "author");
        String taken = withEmail(other, "someone");
        long id = accountId(author);
        String given = Smtp.address("given");
        StaffSession users = StaffSession.signedIn(this, admin, PASSWORD);
        users.get("/newsroom/users");

        Page set = users.post("/newsroom/users/" + id + "/email", Map.of("email", given));
        assertThat(set.status()).isEqualTo(302);
        Document page = users.get("/newsroom/users").html();
        assertThat(page.select("#users-notice").text()).isEqualTo("The email address of " + author + " is now "
                + given + ".");
        assertThat(page.select("input#email-" + id).val()).isEqualTo(given);
        assertThat(address(author)).as("no confirmation asked").isEqualTo(given);
        assertThat(auditEntries(author)).isEqualTo(1);

        users.post("/newsroom/users/" + id + "/email", Map.of("email", "not an address"));
        Document refused = users.get("/newsroom/users").html();
        assertThat(refused.select("#users-problem").text()).contains(author).contains(AccountMessages.EMAIL_SHAPE);
        assertThat(refused.select("input#email-" + id).val()).as("the input is kept").isEqualTo("not an address");
        users.post("/newsroom/users/" + id + "/email", Map.of("email", taken));
        assertThat(users.get("/newsroom/users").html().select("#users-problem").text())
                .contains(AccountMessages.EMAIL_TAKEN);
        assertThat(address(author)).as("refused addresses change nothing").isEqualTo(given);

        StaffSession notAdmin = StaffSession.signedIn(this, other, PASSWORD);
        notAdmin.get("/newsroom/email");
        assertThat(notAdmin.post("/newsroom/users/" + id + "/email", Map.of("email", Smtp.address("x"))).status())
                .isEqualTo(403);
        assertThat(address(author)).isEqualTo(given);
        assertThat(auditEntries(author)).isEqualTo(1);

        StaffSession forgetful = StaffSession.open(this);
        forgetful.get("/newsroom/forgot");
        forgetful.post("/newsroom/forgot", Map.of("email", given));
        assertThat(Smtp.linkPath(Smtp.awaitMail(given, 1, WITHIN), "/newsroom/reset/")).startsWith("/newsroom/reset/");
    }

    private String withEmail(String username, String name) {
        String email = Smtp.address(name);
        jdbc().sql("UPDATE account SET email = :e WHERE username = :u").param("e", email).param("u", username)
                .update();
        return email;
    }

    private String address(String username) {
        return jdbc().sql("SELECT email FROM account WHERE username = :u").param("u", username)
                .query(String.class).optional().orElse(null);
    }

    private long accountId(String username) {
        return jdbc().sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class)
                .single();
    }

    private long auditEntries(String username) {
        return jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'email-changed' AND subject = :u")
                .param("u", username).query(Long.class).single();
    }

    private List<String> storedHashes(String username) {
        return jdbc().sql("""
                        SELECT c.token_hash FROM email_change c JOIN account a ON a.id = c.account_id
                        WHERE a.username = :u""").param("u", username).query(String.class).list();
    }

    private long queuedTo(String address) {
        return jdbc().sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to").param("to", address)
                .query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }
}
