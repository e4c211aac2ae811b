package news.dateline.search;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.support.RunningSite;
import news.dateline.support.StoryEdits;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What a reader does with the search box and Related News, through the running server, on each database.
 * Every test makes up its own words, so the stories of other tests and the sample site never interfere.
 */
interface SearchJourneys extends RunningSite {

    @Test
    default void aStoryPublishedOnOneRequestIsFoundByTheNextAndGoneOnceUnpublished() {
        String word = unique("Marrowfen");
        var draft = story(this, "Ferry to " + word + " cancelled").body("The " + word + " ferry will not sail.")
                .tagged("Ferries").draft().write();
        var neighbour = story(this, "Ferries return after the " + word + " storm")
                .body("The " + word + " ferry and others sail again.").tagged("Ferries").write();

        assertThat(resultPaths("/search?q=" + word)).containsExactly(neighbour.path());
        assertThat(relatedPaths(neighbour.path())).doesNotContain(draft.path());

        StoryEdits.publish(this, draft.id());
        assertThat(resultPaths("/search?q=" + word)).containsExactlyInAnyOrder(draft.path(), neighbour.path());
        assertThat(relatedPaths(neighbour.path())).first().isEqualTo(draft.path());

        StoryEdits.unpublish(this, draft.id());
        assertThat(resultPaths("/search?q=" + word)).containsExactly(neighbour.path());
        assertThat(relatedPaths(neighbour.path())).doesNotContain(draft.path());
    }

    /**
     * Issue 19.1: a story about something no other story covers used to list five flood, chip-plant and
     * film-festival stories as Related News: on a small site they match its common words (government, city,
     * police) about as well as real neighbours do on the BBC corpus, but none names what it names (Taliban, Herat,
     * Kabul). Below the relevance floor nothing is shown, and an empty block is gone.
     */
    @Test
    default void aStoryWithNoRealNeighbourShowsNoRelatedNewsBlock() {
        var lonely = story(this, "Taliban take control of Herat after weeks of fighting")
                .standfirst("Afghanistan's third-largest city falls as government forces withdraw from the west.")
                .body("""
                        Taliban fighters took control of Herat on Thursday, after government troops pulled back from
                        the provincial governor's compound and the police headquarters. Residents described gunfire
                        through the night around the old citadel and along the road to the airport.

                        The fall of Herat, near the border with Iran, leaves Kabul increasingly isolated. Ismail Khan,
                        the veteran commander who had organised militias to defend the city, was reported to have
                        been detained by the insurgents. Thousands of displaced families have fled to camps.""")
                .write();

        var page = site().get(lonely.path()).html();

        assertThat(page.select("section.related .card-title a").eachAttr("href")).as("Related News").isEmpty();
        assertThat(page.select("section.related")).as("the empty Related News block").isEmpty();
        assertThat(page.select("section.recent .card-title a")).as("Recent Articles stay").isNotEmpty();
    }

    /** Issue 19.1: "No related stories yet." under its heading was a block with nothing in it; now it is gone. */
    @Test
    default void aStorySharingNoWordWithAnyOtherHasNoRelatedNewsBlock() {
        String word = unique("Xylqorv");
        var lonely = story(this, word).standfirst(word + " " + unique("Zyphtaq")).body(unique("Qwvrix") + " "
                + unique("Vrelmotz")).write();

        var page = site().get(lonely.path()).html();

        assertThat(page.select("section.related")).as("the empty Related News block").isEmpty();
        assertThat(page.text()).doesNotContain("No related stories yet.");
        assertThat(page.select("section.recent .card-title a")).as("Recent Articles stay").isNotEmpty();
    }

    /** Issue 19.7: a results page is the site's content rearranged; search engines should list the stories. */
    @Test
    default void resultsPagesAskSearchEnginesNotToIndexThemAndStoriesDoNot() {
        var story = story(this, "Lighthouse keepers return " + unique("Skerry")).write();

        for (String path : List.of("/search?q=lighthouse", "/search?q=nothingmatchesthisword", "/search")) {
            assertThat(site().get(path).html().select("head meta[name=robots]").attr("content")).as(path)
                    .startsWith("noindex");
        }
        assertThat(site().get(story.path()).html().select("meta[name=robots]")).isEmpty();
        assertThat(site().get("/").html().select("meta[name=robots]")).isEmpty();
    }

    @Test
    default void resultsShowTheReadersWordsMarkedAndEverythingElseEscaped() {
        String word = unique("Quokkaville");
        var story = story(this, "<script>alert('x')</script> Zürich welcomes " + word)
                .standfirst("A <b>bold</b> claim & more.")
                .body("Crowds came to " + word + " on Sunday. <img src=x onerror=alert(1)> was typed by a reader.")
                .write();

        Document page = site().get("/search?q=zurich+" + word.toLowerCase()).html();

        assertThat(page.select("ol.results li h2 a").attr("href")).isEqualTo(story.path());
        assertThat(page.select("ol.results li h2").text())
                .isEqualTo("<script>alert('x')</script> Zürich welcomes " + word);
        assertThat(page.select("ol.results li h2 mark").eachText()).containsExactly("Zürich", word);
        assertThat(page.select(".snippet mark").eachText()).containsExactly(word);
        assertThat(page.select(".snippet").text()).contains("<img src=x onerror=alert(1)>");
        assertThat(page.select("main script, main img, main b")).isEmpty();
        assertThat(page.select(".results-summary").text()).isEqualTo("1 story for “zurich " + word.toLowerCase() + "”");
    }

    @Test
    default void relevanceComesFirstAndNewestFirstIsOneClickAway() {
        String word = unique("Thistlewick");
        Instant now = Instant.now();
        var inBody = story(this, "Council meets on Tuesday").body("Residents of " + word + " asked questions.")
                .publishedAt(now.minus(Duration.ofMinutes(1))).write();
        var inHeadline = story(this, word + " bridge reopens").body("The bridge at " + word + " reopened.")
                .publishedAt(now.minus(Duration.ofDays(3))).write();

        Document relevance = site().get("/search?q=" + word).html();
        assertThat(links(relevance)).containsExactly(inHeadline.path(), inBody.path());

        String newestLink = relevance.select(".results-order a").attr("href");
        assertThat(newestLink).isEqualTo("/search?q=" + word + "&sort=newest");
        assertThat(links(site().get(newestLink).html())).containsExactly(inBody.path(), inHeadline.path());
    }

    @Test
    default void sectionAndDateFiltersNarrowTheResultsAndPagesGoOn() {
        String word = unique("Grindlewood");
        LocalDate day = LocalDate.of(2024, 5, 10);
        for (int i = 0; i < 12; i++) {
            story(this, word + " report " + i).in(i % 2 == 0 ? "business" : "world")
                    .publishedAt(day.plusDays(i).atTime(12, 0).toInstant(ZoneOffset.UTC)).write();
        }

        Document all = site().get("/search?q=" + word).html();
        assertThat(all.select(".results-summary").text()).startsWith("12 stories");
        assertThat(links(all)).hasSize(10);
        String next = all.select(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/search?q=" + word + "&page=2");
        Document second = site().get(next).html();
        assertThat(links(second)).hasSize(2).doesNotContainAnyElementsOf(links(all));
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/search?q=" + word);

        Document business = site().get("/search?q=" + word + "&section=business").html();
        assertThat(business.select(".results-summary").text()).startsWith("6 stories");
        assertThat(business.select("ol.results .kicker").eachText()).containsOnly("Business");
        assertThat(business.select("#search-section option[selected]").attr("value")).isEqualTo("business");

        Document window = site().get("/search?q=" + word + "&from=2024-05-12&to=2024-05-14&sort=newest").html();
        assertThat(window.select("ol.results h2").eachText())
                .containsExactly(word + " report 4", word + " report 3", word + " report 2");
        assertThat(window.select("#search-from").attr("value")).isEqualTo("2024-05-12");

        Document badDate = site().get("/search?q=" + word + "&from=next+tuesday").html();
        assertThat(badDate.select(".notice").text()).contains("“next tuesday” is not a date");
        assertThat(badDate.select("#search-from").attr("value")).isEqualTo("next tuesday");
        assertThat(badDate.select(".results-summary").text()).startsWith("12 stories");
    }

    @Test
    default void aMisspelledSearchOffersTheWordTheSiteHas() {
        String word = unique("Wobblethorpe");
        var story = story(this, "Carnival returns to " + word).write();
        String misspelled = word.substring(0, 3) + word.substring(4); // one letter dropped

        Document page = site().get("/search?q=carnival+" + misspelled).html();

        assertThat(page.select(".no-results .empty").text()).startsWith("No stories match");
        assertThat(page.select(".did-you-mean a").text()).isEqualTo("carnival " + word.toLowerCase());
        Document followed = site().get(page.select(".did-you-mean a").attr("href")).html();
        assertThat(links(followed)).containsExactly(story.path());
    }

    @Test
    default void anyInputAnswersWithResultsOrAFriendlyPageNeverAnError() {
        story(this, "Unbalanced budget debate").body("The budget is unbalanced, the minister said.").write();
        List<String> odd = List.of("\"unbalanced", "((", "\"", "-", "*", "a|", "\\", "&&", "title:foo", "~",
                "🙂🙂", "%", "%00", "\u0000", "\"a\"\"b", "x".repeat(5000), "-budget", "budget AND OR NOT");
        Payloads.requestAll(site(), odd, SearchJourneys::searchPaths);
        assertThat(links(site().get("/search?q=" + encode("\"unbalanced budget")).html())).isNotEmpty();

        assumeTrue(Payloads.present(), "Skipping the payload part: " + Payloads.DIR + " is absent");
        Payloads.requestAll(site(), Payloads.sample(400), SearchJourneys::searchPaths);
    }

    /** The words in the search box, and the same input in every other parameter (shortened to fit a URL). */
    private static List<String> searchPaths(String input) {
        String short_ = encode(input.length() > 300 ? input.substring(0, 300) : input);
        return List.of("/search?q=" + encode(input),
                "/search?q=news&section=" + short_ + "&from=" + short_ + "&to=" + short_ + "&sort=" + short_
                        + "&page=" + short_);
    }

    private List<String> resultPaths(String path) {
        Page page = site().get(path);
        assertThat(page.status()).isEqualTo(200);
        return links(page.html());
    }

    private List<String> relatedPaths(String articlePath) {
        return site().get(articlePath).html().select("section.related .card-title a").eachAttr("href");
    }

    private static List<String> links(Document page) {
        return page.select("ol.results li h2 a").eachAttr("href");
    }

    private static String unique(String word) {
        // Letters only: digits would be split off by the analyzer and match other tests' words.
        String suffix = Long.toString(System.nanoTime(), 26).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + (c - '0') : 'k' + (c - 'a'))))
                .reduce("", String::concat);
        return word + suffix.substring(suffix.length() - 6);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
