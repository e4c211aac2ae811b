package news.dateline.account.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import news.dateline.platform.SiteProperties;
import org.junit.jupiter.api.Test;

/** The RP id and the allowed origins come from the configured base URL, whatever a proxy forwards. */
class RelyingPartyTest {

    private static RelyingParty of(String baseUrl, String... extra) {
        return new RelyingParty(new SiteProperties("Dateline", "", baseUrl, ZoneId.of("UTC"), "en", 20),
                new PasskeyProperties(List.of(extra)));
    }

    @Test
    void behindAProxyTheOnlyOriginIsThePublicAddress() {
        RelyingParty party = of("https://News.Example.com/");
        assertThat(party.id()).isEqualTo("news.example.com");
        assertThat(party.origins()).containsExactly("https://news.example.com");
    }

    @Test
    void aPortIsPartOfTheOriginUnlessItIsTheSchemesDefault() {
        assertThat(of("http://localhost:8080").origins()).containsExactly("http://localhost:8080");
        assertThat(of("https://news.example.com:443").origins()).containsExactly("https://news.example.com");
        assertThat(of("http://localhost:8080").id()).isEqualTo("localhost");
    }

    @Test
    void extraOriginsMustBeOnTheSameHostOrASubdomain() {
        assertThat(of("https://example.com", "https://newsroom.example.com", " ").origins())
                .containsExactlyInAnyOrder("https://example.com", "https://newsroom.example.com");
        assertThatThrownBy(() -> of("https://example.com", "https://example.org"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("example.org");
        assertThatThrownBy(() -> of("https://example.com", "https://badexample.com"))
                .as("a suffix of the name is not a subdomain").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> of("/relative")).isInstanceOf(IllegalStateException.class);
    }
}
