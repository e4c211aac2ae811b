package news.dateline.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes two comments "the same": one email address, the same words (spacing aside). */
public final class Fingerprint {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fingerprint() {
    }

    public static String of(String email, String body) {
        String key = email.strip().toLowerCase(Locale.ROOT) + "\n" + SPACES.matcher(body.strip()).replaceAll(" ");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
