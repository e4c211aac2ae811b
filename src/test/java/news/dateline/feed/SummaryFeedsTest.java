package news.dateline.feed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dateline.feed.full-content=false}: feeds carry the standfirst and a link, never the story. A
 * setting, not a query, so it runs on SQLite only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SummaryFeedsTest implements RunningSite {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry, "summary-feeds");
        registry.add("dateline.feed.full-content", () -> "false");
    }

    @Test
    void withFullContentOffFeedsCarryTheStandfirstButNeverTheStory() throws Exception {
        var written = story(this, "Summary-only story").standfirst("Only this line leaves the site.")
                .body("The secret second paragraph of the body.").write();

        String rssBody = site().get("/feed").body();
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(rssBody));
        Item item = rss.getItems().stream().filter(i -> i.getLink().endsWith(written.path())).findFirst().orElseThrow();
        assertThat(item.getDescription().getValue()).isEqualTo("Only this line leaves the site.");
        assertThat(item.getContent()).isNull();

        var atom = (com.rometools.rome.feed.atom.Feed) new WireFeedInput()
                .build(new StringReader(site().get("/feed/atom").body()));
        Entry entry = atom.getEntries().stream()
                .filter(e -> e.getAlternateLinks().getFirst().getHref().endsWith(written.path())).findFirst().orElseThrow();
        assertThat(entry.getSummary().getValue()).isEqualTo("Only this line leaves the site.");
        assertThat(entry.getContents()).isEmpty();

        String jsonBody = site().get("/feed.json").body();
        JsonNode jsonItem = JsonMapper.builder().build().readTree(jsonBody).get("items").valueStream()
                .filter(i -> i.get("url").asString().endsWith(written.path())).findFirst().orElseThrow();
        assertThat(jsonItem.get("content_text").asString()).isEqualTo("Only this line leaves the site.");
        assertThat(jsonItem.has("content_html")).isFalse();
        if (JsonFeedSchema.available()) {
            assertThat(JsonFeedSchema.errors(jsonBody)).isEmpty();
        }

        assertThat(rssBody + site().get("/feed/atom").body() + jsonBody)
                .doesNotContain("The secret second paragraph");
    }

    @Override
    public SiteClient site() {
        return new SiteClient(port);
    }

    @Override
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
