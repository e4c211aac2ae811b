package news.dateline.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Staff email addresses: one plain address, stored lower-cased so that one person is one address. */
public final class Emails {

    /** Deliberately plain: something@something.tld, no spaces, no display name, at most 254 characters. */
    private static final Pattern SHAPE = Pattern.compile("[^\\s@<>\"]{1,64}@[^\\s@<>\"]+\\.[^\\s@<>\".]{2,}");

    private Emails() {
    }

    /** The address lower-cased and stripped, or empty when it is not one. */
    public static Optional<String> normalise(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String stripped = email.strip().toLowerCase(Locale.ROOT);
        return stripped.length() <= 254 && SHAPE.matcher(stripped).matches() ? Optional.of(stripped)
                : Optional.empty();
    }
}
