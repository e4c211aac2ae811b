package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.RunningSite;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nobody can lock a staff member out from everywhere: failures from many addresses slow the account down but the
 * right password from a fresh address still signs in; one address that keeps failing is locked out itself. Each
 * session sends its own X-Forwarded-For, which the test configuration trusts from loopback, as from a proxy.
 */
interface SignInLockoutJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;

    @Test
    default void fiveFailuresFromFiveAddressesDoNotStopTheRealAdminSigningInFromASixth() {
        String admin = TestAccounts.create(this, "admin");
        for (int i = 1; i <= 5; i++) {
            StaffSession guesser = StaffSession.open(this);
            assertThat(guesser.attemptSignIn(admin, "guess " + i).header("Location"))
                    .as("guess " + i).contains("/newsroom/login");
        }
        assertThat(StaffSession.open(this).signInLandingPage(admin, "guess 6").html().select("[role=alert]").text())
                .as("a seventh address is told the account is slowed down")
                .contains("each attempt now waits");

        StaffSession owner = StaffSession.open(this);
        assertThat(owner.attemptSignIn(admin, PASSWORD).header("Location")).as("the owner, from a fresh address")
                .endsWith("/newsroom");
        assertThat(owner.get("/newsroom/users").status()).as("signed in as the admin").isEqualTo(200);
        assertThat(StaffSession.open(this).signInLandingPage(admin, "guess 7").html().select("[role=alert]").text())
                .as("signing in cleared the count").isEqualTo(AccountMessages.BAD_CREDENTIALS);
    }

    @Test
    default void theRightPasswordStillSignsInWhileAnAttackerKeepsHammeringFromOtherAddresses() {
        String editor = TestAccounts.create(this, "editor");
        for (int i = 1; i <= 12; i++) {
            StaffSession.open(this).attemptSignIn(editor, "guess " + i);
        }
        assertThat(bean(JdbcClient.class).sql("""
                        SELECT failures FROM sign_in_failure WHERE scope = 'account' AND subject = :subject""")
                .param("subject", editor).query(Integer.class).single())
                .as("counted in the database, where every node reads it").isEqualTo(12);
        assertThat(StaffSession.open(this).attemptSignIn(editor, PASSWORD).header("Location")).endsWith("/newsroom");
    }

    @Test
    default void oneAddressIsLockedAfterItsFailuresAndOnlyThatAddress() {
        String author = TestAccounts.create(this, "author");
        StaffSession guesser = StaffSession.open(this);
        for (int i = 1; i < 20; i++) {
            assertThat(guesser.signInLandingPage("nobody-" + i, "guess").html().select("[role=alert]").text())
                    .as("failure " + i).isEqualTo(AccountMessages.BAD_CREDENTIALS);
        }
        assertThat(guesser.signInLandingPage("nobody-20", "guess").html().select("[role=alert]").text())
                .as("the twentieth failure").startsWith("Too many failed sign-ins from your network.");
        assertThat(guesser.signInLandingPage(author, PASSWORD).html().select("[role=alert]").text())
                .as("the right password from the locked address")
                .startsWith("Too many failed sign-ins from your network. Try again after");
        assertThat(guesser.get("/newsroom").header("Location")).as("not signed in").contains("/newsroom/login");
        assertThat(StaffSession.open(this).attemptSignIn(author, PASSWORD).header("Location"))
                .as("the same account from another address").endsWith("/newsroom");
    }
}
