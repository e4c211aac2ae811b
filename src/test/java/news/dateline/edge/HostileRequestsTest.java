package news.dateline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which query strings are refused before anything reads them: broken escapes and bytes that are not UTF-8. */
class HostileRequestsTest {

    @Test
    void aQueryStringMustBePercentEncodedUtf8() {
        for (String fine : new String[] {"", "q=harbour", "q=caf%C3%A9+au+lait&page=2", "q=%E2%80%9Cquoted%E2%80%9D",
                "q=%F0%9F%93%B0", "a&&b=&=c", "q=100%25"}) {
            assertThat(HostileRequests.isPercentEncodedUtf8(fine)).as(fine).isTrue();
        }
        for (String broken : new String[] {"q=%zz", "q=%", "q=%4", "q=%E0%A4%A", "q=%C3", "q=%FF", "q=%C0%AF",
                "q=%ED%A0%80"}) {
            assertThat(HostileRequests.isPercentEncodedUtf8(broken)).as(broken).isFalse();
        }
    }
}
