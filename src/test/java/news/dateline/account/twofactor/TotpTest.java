package news.dateline.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Our TOTP against RFC 6238's own test vectors first, so the journeys' codes are the codes an app would show. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: time (s), T as hex, TOTP for SHA-1, SHA-256 and SHA-512, 8 digits. */
    @ParameterizedTest
    @CsvSource({
            "59,          0000000000000001, 94287082, 46119246, 90693936",
            "1111111109,  00000000023523EC, 07081804, 68084774, 25091201",
            "1111111111,  00000000023523ED, 14050471, 67062674, 99943326",
            "1234567890,  000000000273EF07, 89005924, 91819424, 93441116",
            "2000000000,  0000000003F940AA, 69279037, 90698825, 38618901",
            "20000000000, 0000000027BC86AA, 65353130, 77737706, 47863826"})
    void theRfcAppendixBVectorsComeOut(long seconds, String stepHex, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
        assertThat(Totp.code(SHA1_SEED, step)).as("the site's six digits").isEqualTo(sha1.substring(2));
    }

    @Test
    void aCodeFromTheStepBeforeOrAfterIsAcceptedButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + offset), now))
                    .as("step %+d", offset).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void spacesAreForgivenAndAnythingButSixDigitsIsNoCode() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(SHA1_SEED, Totp.step(now)); // 287082
        assertThat(Totp.matchingStep(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
        assertThat(Totp.matchingStep(SHA1_SEED, "94287082", now)).as("eight digits").isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "28708x", now)).isEmpty();
    }

    @Test
    void base32IsRfc4648sAndRoundTrips() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(SHA512_SEED))).isEqualTo(SHA512_SEED);
    }
}
