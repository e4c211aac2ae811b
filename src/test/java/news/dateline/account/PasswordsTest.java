package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one password rule: what it refuses, with the reason a person is shown, and what it lets through. */
class PasswordsTest {

    @Test
    void commonPasswordsAreRefusedWithOrWithoutDigitsAndPunctuationAfterThem() {
        for (String common : new String[] {"password1234", "Password1234", "qwertyuiop123",
                "iloveyou2024!", "Football!!!!!", "sunshine 2025", "baseball12345"}) {
            assertThat(Passwords.problem("amara", common)).as(common).hasValue(AccountMessages.PASSWORD_COMMON);
        }
    }

    @Test
    void oneCharacterOrAShortPatternRepeatedIsRefused() {
        for (String repeated : new String[] {"aaaaaaaaaaaa", "AAAAAAAAAAAAAAAA", "............", "abcabcabcabc",
                "121212121212", "xyzwxyzwxyzw"}) {
            assertThat(Passwords.problem("amara", repeated)).as(repeated).hasValue(AccountMessages.PASSWORD_REPEATED);
        }
    }

    @Test
    void unusualPasswordsAndGeneratedOnesAreAccepted() {
        for (String fine : new String[] {"ink and paper at midnight", "a brand new passphrase",
                "correct horse battery staple", "harbour-ferry-7-tuesday", Passwords.generate()}) {
            assertThat(Passwords.problem("amara", fine)).as(fine).isEmpty();
        }
        assertThat(Passwords.problem("amara", "short")).hasValue(AccountMessages.PASSWORD_TOO_SHORT);
        assertThat(Passwords.problem("amara-writes-news", "amara-writes-news"))
                .hasValue(AccountMessages.PASSWORD_IS_USERNAME);
    }
}
