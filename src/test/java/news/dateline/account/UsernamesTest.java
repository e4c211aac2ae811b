package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one reading of a typed username: what Spring Security's trim() and the throttle's key now agree on. */
class UsernamesTest {

    @Test
    void controlCharactersAndSurroundingSpacesDoNotMakeAnotherUsername() {
        for (String typed : new String[] {"admin", " admin ", "admin\u0001", "\u0001admin", "ad\u0000min", "admin\u001f",
                "admin\u007f", "admin\u0085", "\tadmin\n", "ADMIN\u0001"}) {
            assertThat(Usernames.key(typed)).as(typed.codePoints().boxed().toList().toString()).isEqualTo("admin");
            assertThat(Usernames.normalise(typed).trim()).as("Spring's trim() changes nothing more")
                    .isEqualTo(Usernames.normalise(typed));
        }
        assertThat(Usernames.hasControlCharacters("admin\u0001")).isTrue();
        assertThat(Usernames.hasControlCharacters("admin\t")).isTrue();
        assertThat(Usernames.hasControlCharacters(" admin ")).isFalse();
        assertThat(Usernames.hasControlCharacters("amara.osei@example.com")).isFalse();
        assertThat(Usernames.normalise(null)).isEmpty();
    }
}
