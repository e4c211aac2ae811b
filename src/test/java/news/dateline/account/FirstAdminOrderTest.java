package news.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.OrderUtils;

/**
 * The first admin is written before the sample site: after the sample site commits, its photos are taken in by a
 * thread of their own, and an admin insert queued behind those writes failed the first start with SQLITE_BUSY on a
 * loaded machine (seen twice on 2026-12-02 at load 40).
 */
class FirstAdminOrderTest {

    @Test
    void theFirstAdminIsWrittenBeforeTheSampleSiteStartsItsBackgroundWrites() throws ClassNotFoundException {
        Integer firstAdmin = OrderUtils.getOrder(FirstAdmin.class);
        Integer sampleSite = OrderUtils.getOrder(Class.forName("news.dateline.site.SampleContent"));

        assertThat(firstAdmin).isNotNull();
        assertThat(sampleSite).isNotNull();
        assertThat(firstAdmin).isLessThan(sampleSite);
    }
}
