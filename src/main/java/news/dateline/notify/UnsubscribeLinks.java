package news.dateline.notify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.dateline.platform.DataProperties;
import news.dateline.platform.keys.KeyFile;
import org.springframework.stereotype.Component;

/**
 * The token of a reply mail's unsubscribe link, {@code <comment id>.<signature>}: an HMAC-SHA256 over the id, so
 * the link works without signing in and cannot be made up for another comment. It stores nothing and never
 * expires (a mail read a year later must still stop the mails). The key is 32 random bytes in
 * {@code <data dir>/notify-link.key}, shared by nodes sharing the directory; deleting it voids every link.
 */
@Component
class UnsubscribeLinks {

    static final String KEY_FILE = "notify-link.key";
    private static final String PURPOSE = "unsubscribe-replies:";
    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,17})\\.([A-Za-z0-9_-]{22})");

    private final byte[] key;

    UnsubscribeLinks(DataProperties data) {
        this.key = keyFrom(data.dir().resolve(KEY_FILE));
    }

    String tokenFor(long commentId) {
        return commentId + "." + signature(Long.toString(commentId));
    }

    /** The comment whose author this link stops mailing, or empty when the site did not sign it. */
    OptionalLong commentOf(String token) {
        var m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches()) {
            return OptionalLong.empty();
        }
        boolean genuine = MessageDigest.isEqual(signature(m.group(1)).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private String signature(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((PURPOSE + id).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides HmacSHA256", e);
        }
    }

    private static byte[] keyFrom(Path file) {
        return KeyFile.readOrCreate(file, 32, KeyFile.Form.RAW);
    }
}
