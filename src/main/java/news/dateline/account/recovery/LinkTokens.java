package news.dateline.account.recovery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.dateline.platform.DataProperties;
import news.dateline.platform.keys.KeyFile;
import org.springframework.stereotype.Component;

/**
 * The token in a mailed link: 32 random bytes and an HMAC-SHA256 signature over them and the link's purpose,
 * {@code <random>.<signature>}. A link whose signature does not match (altered, or cut short by a mail program)
 * is told apart without asking the database; the database keeps only the SHA-256 of the whole token, so a
 * copy of it opens nothing. The key is 32 random bytes in {@code <data dir>/account-link.key} (nodes sharing
 * the directory share it); deleting the file voids every link not yet used.
 */
@Component
public class LinkTokens {

    static final String KEY_FILE = "account-link.key";
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{43})\\.([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    LinkTokens(DataProperties data) {
        this.key = keyFromDataDirectory(data.dir());
    }

    public String issue(String purpose) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return body + "." + signature(purpose, body);
    }

    /** The hash to look the token up by, or empty when it is not one this site signed for this purpose. */
    public Optional<String> verify(String purpose, String token) {
        var m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(signature(purpose, m.group(1)).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(hash(token)) : Optional.empty();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides SHA-256", e);
        }
    }

    private String signature(String purpose, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((purpose + ":" + body).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides HmacSHA256", e);
        }
    }

    private static byte[] keyFromDataDirectory(Path dataDir) {
        return KeyFile.readOrCreate(dataDir.resolve(KEY_FILE), 32, KeyFile.Form.BASE64);
    }
}
