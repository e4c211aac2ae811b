package news.dateline.account.twofactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over the HOTP of RFC 4226). The site uses what every authenticator app
 * does by default: HMAC-SHA1, 30-second steps counted from the Unix epoch, 6 digits, and a code of the step before
 * or after is accepted too, so a phone's clock a little off still works. The algorithm and the number of digits are
 * parameters only so that the RFC's own test vectors (appendix B, 8 digits, SHA-1/256/512) can check this code.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final String ALGORITHM = "HmacSHA1";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The 30-second step an instant falls in: T = floor((unix time - 0) / 30). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The site's code for a step, as the user types it (leading zeros kept). */
    public static String code(byte[] key, long step) {
        return code(key, step, ALGORITHM, DIGITS);
    }

    /** HOTP(K, T) with dynamic truncation, as RFC 4226 section 5.3 defines it. */
    public static String code(byte[] key, long step, String algorithm, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides " + algorithm, e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose code this is, among the step of {@code now} and its neighbours (±1), or empty. Every candidate
     * is compared in constant time, so the answer's timing does not tell which digits were right.
     */
    public static OptionalLong matchingStep(byte[] key, String typed, Instant now) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII)) && found < 0) {
                found = step;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
