package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.StaffSession;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * The username typed on the sign-in form is read one way everywhere: the throttle counts what Spring Security would
 * sign in, and a username with a control character in it signs in as nobody (no account can have one).
 */
interface SignInUsernameJourneys extends RunningSite {

    String PASSWORD = TestAccounts.PASSWORD;

    @Test
    default void aControlCharacterAfterASlowedUsernameIsThrottledAsThatAccount() {
        String target = TestAccounts.create(this, "admin");
        StaffSession guesser = StaffSession.open(this);
        for (int i = 1; i <= 5; i++) {
            guesser.attemptSignIn(target, "guess " + i);
        }
        assertThat(guesser.signInLandingPage(target, "guess 6").html().select("[role=alert]").text())
                .as("slowed down").contains("each attempt now waits");

        for (String variant : new String[] {target + "\u0001", "\u0001" + target, target + "\u001f", target + "\u0000",
                target + "\u007f", " " + target + "\t", target.toUpperCase() + "\u0001"}) {
            Page attempt = StaffSession.open(this).attemptSignIn(variant, PASSWORD);
            assertThat(attempt.header("Location")).as(escaped(variant) + " with the right password")
                    .contains("/newsroom/login").doesNotEndWith("/newsroom");
        }
        assertThat(StaffSession.open(this).signInLandingPage(target + "\u0001", PASSWORD).html()
                .select("[role=alert]").text()).as("told the account's slow-down")
                .contains("each attempt now waits");
        assertThat(StaffSession.open(this).attemptSignIn(target, PASSWORD).header("Location"))
                .as("the account itself is never locked").endsWith("/newsroom");
    }

    @Test
    default void aUsernameWithAControlCharacterSignsInAsNobodyAndCountsAgainstThatAccount() {
        String target = TestAccounts.create(this, "editor");
        for (int i = 0; i < 5; i++) {
            StaffSession attempt = StaffSession.open(this);
            assertThat(attempt.attemptSignIn(target + "\u0001", PASSWORD).header("Location"))
                    .as("attempt " + i + ", right password").contains("/newsroom/login");
        }
        assertThat(StaffSession.open(this).signInLandingPage(target, "wrong").html().select("[role=alert]").text())
                .as("the five attempts counted against " + target)
                .contains("each attempt now waits");
    }

    @Test
    default void surroundingSpacesStillSignIn() {
        String target = TestAccounts.create(this, "author");
        assertThat(StaffSession.open(this).attemptSignIn("  " + target + " ", PASSWORD).header("Location"))
                .endsWith("/newsroom");
        assertThat(StaffSession.open(this).signInLandingPage(target + "\u0001", "wrong password").html()
                .select("[role=alert]").text()).isEqualTo(AccountMessages.BAD_CREDENTIALS);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c) : Character.toString(c)));
        return out.toString();
    }
}
