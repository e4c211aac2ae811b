package news.dateline.media.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The S3 settings as an operator gives them: checked at boot, and never showing the secret key. */
class S3PropertiesTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void noBucketMeansLocalDiskAndTheSecretKeyIsNeverPrinted() {
        assertThat(new S3Properties("", "", "us-east-1", "", "", false, "").enabled()).isFalse();
        S3Properties s3 = new S3Properties(" photos ", "https://s3.example.net", "eu-west-1", "AKIAEXAMPLE", SECRET,
                true, "/site/");
        assertThat(s3.enabled()).isTrue();
        assertThat(s3.bucket()).isEqualTo("photos");
        assertThat(s3.prefix()).isEqualTo("site");
        assertThat(s3.describe()).isEqualTo("bucket photos (under site/) at https://s3.example.net, path-style, "
                + "with the configured key");
        assertThat(s3.toString()).doesNotContain(SECRET).doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void aHalfGivenKeyPairOrAnEndpointThatIsNoWebAddressFailsAtBoot() {
        assertThatThrownBy(() -> new S3Properties("photos", "", "us-east-1", "AKIAEXAMPLE", "", false, ""))
                .hasMessage("dateline.media.s3.access-key and secret-key are given together or not at all");
        assertThatThrownBy(() -> new S3Properties("photos", "ftp://store.example.net", "us-east-1", "", "", false,
                "")).hasMessageStartingWith("dateline.media.s3.endpoint must be an http(s) address");
    }
}
