package news.dateline.comment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.dateline.platform.DataProperties;
import news.dateline.platform.keys.KeyFile;
import org.springframework.stereotype.Component;

/**
 * The signed time a comment form was rendered, and for which article ({@code <article id>.<millis>.<hmac>}), so
 * the spam rules can tell how fast it was filled in. It is the same for every reader of a cached page: nothing in it
 * is per visitor. A stamp is good for {@link #LIFETIME} (24 hours) and on its own article only: one stamp can no
 * longer serve a script for hundreds of posts anywhere on the site. The page cache keeps a page for at most an hour,
 * so a cached form always carries a stamp with most of its day ahead. The key is
 * {@code dateline.comments.signing-key}, or 32 random bytes written to {@code <data dir>/comment-form.key} on
 * first start (share one or the other between nodes).
 */
@Component
class FormStamp {

    static final String KEY_FILE = "comment-form.key";
    static final Duration LIFETIME = Duration.ofHours(24);

    /** A stamp we signed that cannot be used for this comment. */
    enum Problem {
        /** Older than {@link #LIFETIME}: a form left open for a day, or a stamp kept by a script. */
        EXPIRED,
        /** Signed for another article's form. */
        OTHER_ARTICLE
    }

    /** Initialised once; each signature works on a clone (a Mac is not thread-safe, and getInstance is slow). */
    private final Mac prototype;
    private final Clock clock;

    FormStamp(CommentProperties settings, DataProperties data, Clock clock) {
        byte[] secret = settings.signingKey().isBlank()
                ? keyFromDataDirectory(data.dir())
                : settings.signingKey().getBytes(StandardCharsets.UTF_8);
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            this.prototype.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        this.clock = clock;
    }

    String issue(long articleId) {
        return stampFor(articleId, clock.instant());
    }

    String stampFor(long articleId, Instant renderedAt) {
        String signed = articleId + "." + renderedAt.toEpochMilli();
        return signed + "." + signature(signed);
    }

    /**
     * What a posted stamp says, read and verified once: {@code problem} for a stamp we signed that cannot be used on
     * this article, {@code age} for a good one (empty for a missing or forged stamp, or one with a problem).
     */
    record Checked(Optional<Problem> problem, Optional<Duration> age) {
    }

    Checked check(String stamp, long articleId) {
        Optional<Signed> read = read(stamp);
        Optional<Problem> problem = read.map(r -> r.articleId() != articleId ? Problem.OTHER_ARTICLE
                : r.age().compareTo(LIFETIME) > 0 ? Problem.EXPIRED : null);
        return new Checked(problem, problem.isPresent() ? Optional.empty() : read.map(Signed::age));
    }

    /**
     * How long ago this article's form was rendered; empty if the stamp is missing or was not signed by us (the spam
     * rules hold such a comment), or has a {@link #problem}.
     */
    Optional<Duration> age(String stamp, long articleId) {
        return check(stamp, articleId).age();
    }

    /** Why a stamp we signed cannot be used on this article; empty for a good stamp, and for one that is not ours. */
    Optional<Problem> problem(String stamp, long articleId) {
        return check(stamp, articleId).problem();
    }

    private record Signed(long articleId, Duration age) {
    }

    private Optional<Signed> read(String stamp) {
        int dot = stamp.lastIndexOf('.');
        int first = stamp.indexOf('.');
        if (first <= 0 || dot == first) {
            return Optional.empty();
        }
        String signed = stamp.substring(0, dot);
        byte[] expected = signature(signed).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            long articleId = Long.parseLong(signed.substring(0, first));
            Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(signed.substring(first + 1))),
                    clock.instant());
            return Optional.of(new Signed(articleId, age.isNegative() ? Duration.ZERO : age));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String signature(String signed) {
        try {
            Mac mac = (Mac) prototype.clone();
            byte[] full = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 18));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
        }
    }

    private static byte[] keyFromDataDirectory(Path dataDir) {
        return KeyFile.readOrCreate(dataDir.resolve(KEY_FILE), 32, KeyFile.Form.BASE64);
    }

}
