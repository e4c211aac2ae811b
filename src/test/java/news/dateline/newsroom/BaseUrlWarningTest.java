package news.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.SqliteSite;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The site is reached as http://localhost:PORT (an allowed alias) while its base URL names another address: the
 * pages keep pointing at the base URL, the log says so once, and an admin's dashboard says so too.
 */
@TestPropertySource(properties = "dateline.site.base-url=http://news.example.test")
@ExtendWith(OutputCaptureExtension.class)
class BaseUrlWarningTest extends SqliteSite {

    @Test
    void requestsForAnotherHostAreWarnedOnceInTheLogAndOnTheAdminsDashboard(CapturedOutput output) {
        String reached = site().base();
        assertThat(site().get("/").html().select("link[rel=canonical]").attr("href"))
                .as("links keep to the base URL").startsWith("http://news.example.test/");
        site().get("/feed");
        site().get("/search?q=flood");

        String warning = "Requests arrive for " + reached;
        assertThat(output.getAll().lines().filter(line -> line.contains(warning)).toList())
                .as("one warning for this address, however many requests").hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("WARN", "http://news.example.test",
                        "DATELINE_BASE_URL"));

        Document admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD)
                .get("/newsroom").html();
        assertThat(admin.select("#operations").text()).contains(reached, "http://news.example.test",
                "canonical links, feeds and sitemaps", "DATELINE_BASE_URL");

        Document editor = StaffSession.signedIn(this, TestAccounts.create(this, "editor"), TestAccounts.PASSWORD)
                .get("/newsroom").html();
        assertThat(editor.select("#operations")).as("operations are for admins").isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains(warning)).count()).isEqualTo(1);
    }
}
