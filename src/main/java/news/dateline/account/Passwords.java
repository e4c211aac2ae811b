package news.dateline.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The password rule every way of setting one shares (sign-in page, users screen, command line). */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently be a shorter one. */
    private static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Why this password may not be used, or empty when it may. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(AccountMessages.PASSWORD_TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(AccountMessages.PASSWORD_TOO_LONG);
        }
        if (password.strip().equalsIgnoreCase(username == null ? "" : username.strip())) {
            return Optional.of(AccountMessages.PASSWORD_IS_USERNAME);
        }
        return Optional.empty();
    }

    /** 24 characters from 144 random bits, safe to paste anywhere. */
    public static String generate() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
