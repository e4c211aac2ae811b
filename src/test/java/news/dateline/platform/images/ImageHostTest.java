package news.dateline.platform.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.dateline.edge.SecurityHeaders;
import org.junit.jupiter.api.Test;

/** What may stand in the CSP's img-src as an outside host: exact https hosts, nothing that could widen the policy. */
class ImageHostTest {

    @Test
    void anExactHostIsTakenAsTypedOrAsAnHttpsAddressInLowerCase() {
        assertThat(ImageHost.parse("photos.example.org")).contains("photos.example.org");
        assertThat(ImageHost.parse("  https://Photos.Example.ORG/ ")).contains("photos.example.org");
        assertThat(ImageHost.parse("i0.wp.com")).contains("i0.wp.com");
        assertThat(ImageHost.parse("bücher.example")).contains("xn--bcher-kva.example");
    }

    @Test
    void wildcardsPathsPortsOtherSchemesAndWhatCouldBreakTheHeaderAreRefused() {
        for (String bad : List.of("", "*", "*.example.org", "https://*.example.org", "photos.example.org/pictures",
                "https://photos.example.org/a.jpg", "photos.example.org:8443", "http://photos.example.org", "data:",
                "blob:", "'self'", "'unsafe-inline'", "localhost", "192.168.1.10", "photos.example.org; script-src *",
                "photos.example.org https://evil.example", "photos.example.org\r\nX-Other: 1", "-bad.example",
                "user@photos.example.org", "photos..example.org")) {
            assertThat(ImageHost.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void thePolicyIsTheStrictOneWithoutHostsAndNamesEachHostOtherwise() {
        assertThat(SecurityHeaders.contentSecurityPolicy(List.of())).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        String policy = SecurityHeaders.contentSecurityPolicy(List.of("a.example", "b.example", "bad host; x"));
        assertThat(policy).contains("img-src 'self' data: https://a.example https://b.example; ")
                .doesNotContain("bad host").doesNotContain(" x;");
        assertThat(policy.replace(" https://a.example https://b.example", ""))
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
