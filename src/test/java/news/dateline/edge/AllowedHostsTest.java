package news.dateline.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import news.dateline.platform.SiteProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which Host a request may name: the base URL's host and port, and the aliases, nothing else. */
class AllowedHostsTest {

    private static AllowedHosts hosts(String baseUrl, String... aliases) {
        return new AllowedHosts(new SiteProperties("Dateline", "", baseUrl, ZoneId.of("UTC"), "en", 20),
                new HostAliases(List.of(aliases)));
    }

    private static boolean allows(AllowedHosts hosts, String name, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName(name);
        request.setServerPort(port);
        return hosts.allows(request);
    }

    @Test
    void theBaseUrlsHostOnItsPortAndTheAliases() {
        AllowedHosts hosts = hosts("https://News.Example.com", "www.news.example.com", "dateline.internal:8080",
                "[2001:db8::7]:8080");
        assertThat(allows(hosts, "news.example.com", 443)).isTrue();
        assertThat(allows(hosts, "NEWS.example.com", 443)).isTrue();
        assertThat(allows(hosts, "news.example.com", 80)).as("the base URL's port only").isFalse();
        assertThat(allows(hosts, "www.news.example.com", 8443)).as("an alias without a port: any").isTrue();
        assertThat(allows(hosts, "dateline.internal", 8080)).isTrue();
        assertThat(allows(hosts, "dateline.internal", 80)).isFalse();
        assertThat(allows(hosts, "[2001:db8::7]", 8080)).isTrue();
        assertThat(allows(hosts, "2001:db8::7", 8080)).isTrue();
        assertThat(allows(hosts, "evil.example", 443)).isFalse();
        assertThat(allows(hosts, "news.example.com.evil.example", 443)).isFalse();
        assertThat(allows(hosts, "", 443)).isFalse();
        assertThat(allows(hosts("http://localhost:8080"), "localhost", 8080)).isTrue();
        assertThat(allows(hosts("http://localhost:8080"), "127.0.0.1", 8080)).as("not unless listed").isFalse();
    }

    @Test
    void aBadBaseUrlOrAliasStopsTheStart() {
        assertThatThrownBy(() -> hosts("news.example.com")).hasMessageStartingWith("dateline.site.base-url");
        assertThatThrownBy(() -> hosts("ftp://news.example.com")).hasMessageStartingWith("dateline.site.base-url");
        for (String bad : List.of("*.example.com", "http://www.example.com", "example.com:0", "example.com:99999",
                "exa mple.com", "example.com/")) {
            assertThatThrownBy(() -> hosts("https://news.example.com", bad)).as(bad)
                    .hasMessageStartingWith("dateline.site.host-aliases (DATELINE_HOST_ALIASES): \"" + bad + "\"");
        }
    }
}
