package news.dateline.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.apache.catalina.util.NetMaskSet;
import org.junit.jupiter.api.Test;

/** What DATELINE_TRUSTED_PROXIES accepts, and that Tomcat's CIDR matching then trusts exactly those addresses. */
class TrustedProxiesTest {

    @Test
    void addressesAndBlocksOfBothFamiliesAreWrittenOutWithTheirPrefixLength() {
        TrustedProxies proxies = new TrustedProxies(List.of(" 10.0.0.0/8", "192.0.2.7", "2001:DB8::/32", "::1", ""));
        assertThat(proxies.trustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32", "::1/128");
        assertThat(proxies.asCidrList()).isEqualTo("10.0.0.0/8,192.0.2.7/32,2001:db8::/32,::1/128");
        assertThat(new TrustedProxies(List.of()).none()).isTrue();
    }

    @Test
    void theListMatchesThoseAddressesAndNoOthers() throws Exception {
        NetMaskSet trusted = NetMaskSet.parse(new TrustedProxies(List.of("10.1.0.0/16", "192.0.2.7", "::1"))
                .asCidrList());
        assertThat(trusted.contains(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(trusted.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(trusted.contains(InetAddress.getByName("192.0.2.70"))).isFalse();
        assertThat(trusted.contains(InetAddress.getByName("127.0.0.1"))).as("loopback only when listed").isFalse();
    }

    @Test
    void anythingElseStopsTheStartWithTheEntryNamed() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "proxy.internal", "10.0.0.*", "10\\.0\\..*",
                "10.0.0.1/8;80", "2001:db8::/129", "999.1.1.1")) {
            assertThatThrownBy(() -> new TrustedProxies(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("dateline.trusted-proxies (DATELINE_TRUSTED_PROXIES): \"" + bad + "\"");
        }
    }
}
