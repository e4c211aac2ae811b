package news.dateline.account;

import java.util.Locale;

/**
 * The one reading of a username typed on the sign-in form, used by the throttle and by the password check alike.
 * Spring Security trims it with {@code String.trim()} (every character up to U+0020, control characters
 * included) while {@code strip()} takes Unicode white space; read two ways, {@code admin} followed by U+0001 was a
 * fresh throttle counter yet signed in as {@code admin}. Now: surrounding spaces are removed, and a username that
 * contains a control character anywhere (no account can have one: see {@code Accounts}) is refused outright and
 * counted against the account it is made to look like.
 */
final class Usernames {

    private Usernames() {
    }

    /** Surrounding white space removed, control characters taken out: what the throttle counts and what signs in. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    /** The throttle's key for an account: the normalised username, in one case. */
    static String key(String typed) {
        return normalise(typed).toLowerCase(Locale.ROOT);
    }

    /** U+0000–U+001F or U+007F–U+009F anywhere, tab and line breaks included. */
    static boolean hasControlCharacters(String typed) {
        return typed != null && typed.codePoints().anyMatch(Character::isISOControl);
    }
}
