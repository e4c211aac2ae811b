package news.dateline.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The password rule every way of setting one shares (users screen, password change, reset, the {@code user}
 * commands): at least 12 characters, at most 72 bytes, not the username, not one short pattern repeated
 * ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}), and not a common password, with or without digits and punctuation
 * after it ({@code password1234}): the 30,000 of {@code account/common-passwords.txt} (zxcvbn's list, MIT; its
 * README says where it comes from), as OWASP ASVS 2.1.7 asks.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently be a shorter one. */
    private static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COMMON_LIST = "/account/common-passwords.txt";
    /** The same unit of one to four characters, over and over. */
    private static final Pattern REPEATED = Pattern.compile("(?s)(.{1,4})\\1+");
    /** What people put after a common word to pass a length rule. */
    private static final Pattern TRAILING_DIGITS_AND_PUNCTUATION = Pattern.compile("[\\p{Nd}\\p{P}\\p{S}\\s]+$");

    /** Read once, on first use. */
    private static final class Common {

        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = Passwords.class.getResourceAsStream(COMMON_LIST)) {
                if (in == null) {
                    throw new IllegalStateException(COMMON_LIST + " is missing from the classpath");
                }
                return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(line -> !line.isEmpty()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + COMMON_LIST, e);
            }
        }
    }

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
        String lower = password.toLowerCase(Locale.ROOT);
        if (REPEATED.matcher(lower).matches()) {
            return Optional.of(AccountMessages.PASSWORD_REPEATED);
        }
        String word = TRAILING_DIGITS_AND_PUNCTUATION.matcher(lower).replaceFirst("");
        if (Common.PASSWORDS.contains(lower.strip()) || word.length() >= 4 && Common.PASSWORDS.contains(word)) {
            return Optional.of(AccountMessages.PASSWORD_COMMON);
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
