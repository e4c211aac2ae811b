package news.dateline.story;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.dateline.platform.DataProperties;
import news.dateline.platform.keys.KeyFile;
import org.springframework.stereotype.Component;

/**
 * Shareable links to an unpublished story, for someone without a newsroom account: {@code /preview/{token}} where
 * the token names the article and an expiry, signed with HMAC-SHA256. The key is 32 random bytes in
 * {@code <data dir>/preview-link.key} (nodes sharing the directory share it); deleting the file revokes every link.
 * The dots in a token keep it from ever looking like an article's {@code /section/slug} address.
 */
@Component
public class PreviewLinks {

    static final String KEY_FILE = "preview-link.key";
    static final Duration LIFETIME = Duration.ofDays(14);
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})");

    private final byte[] key;
    private final Clock clock;

    PreviewLinks(DataProperties data, Clock clock) {
        this.key = keyFromDataDirectory(data.dir());
        this.clock = clock;
    }

    public String pathFor(long articleId) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return "/preview/" + articleId + "." + expires + "." + signature(articleId + "." + expires);
    }

    /** The article a token names, if it is genuine and has not expired. */
    public OptionalLong articleOf(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        String signed = m.group(1) + "." + m.group(2);
        boolean genuine = MessageDigest.isEqual(signature(signed).getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII));
        boolean current = Instant.ofEpochSecond(Long.parseLong(m.group(2))).isAfter(clock.instant());
        return genuine && current ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private String signature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides HmacSHA256", e);
        }
    }

    private static byte[] keyFromDataDirectory(Path dataDir) {
        return KeyFile.readOrCreate(dataDir.resolve(KEY_FILE), 32, KeyFile.Form.BASE64);
    }
}
