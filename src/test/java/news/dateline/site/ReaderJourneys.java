package news.dateline.site;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.dateline.story.ArticleService;
import news.dateline.support.RunningSite;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import news.dateline.support.StoryEdits;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What a reader does on the site, run against each database (see the classes implementing this).
 * Stories a test needs are written by the test; the sample site is there too, as on a first start.
 */
interface ReaderJourneys extends RunningSite {

    @Test
    default void homeListsTheLatestPublishedStoriesAndNeverDrafts() {
        var draft = story(this, "Draft that must stay in the newsroom").draft().write();
        var fresh = story(this, "Freshly published story leads the home page").write();

        Document home = site().get("/").html();

        assertThat(home.select(".lead h2 a").text()).isEqualTo(fresh.headline());
        assertThat(links(home)).contains(fresh.path())
                .doesNotContain(draft.path(), "/politics/infrastructure-minister-expected-to-resign-levee");
        assertThat(home.text()).doesNotContain(draft.headline(), "Infrastructure minister expected to resign");
        assertThat(home.select(".latest .card")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(home.select(".section-block h2").eachText()).contains("World", "Politics", "Business");
        assertThat(site().get(draft.path()).status()).isEqualTo(404);
    }

    @Test
    default void articlePageShowsEverythingAReaderExpects() {
        String tide = "Tide Gauge " + System.nanoTime();
        String barrier = "Storm Barrier " + System.nanoTime();
        Instant published = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        var article = story(this, "Harbour barrier closes as storm surge nears")
                .standfirst("Engineers lowered the gates for the first time this winter.")
                .body("""
                        The gates came down at noon.

                        ## Why the barrier closed

                        Water rose faster than forecast.

                        ## What happens next

                        The gates stay shut overnight.""")
                .dateline("PORT HALVIK").source("With AFP").by("amara-osei", "lukas-brandt")
                .tagged(tide, barrier).publishedAt(published).updatedAt(published.plus(Duration.ofHours(2)))
                .write();
        var sameTwoTags = story(this, "Barrier crews work through the night").in("business")
                .tagged(tide, barrier).publishedAt(published.minus(Duration.ofHours(5))).write();
        var oneTag = story(this, "Tide gauges to be replaced").in("culture")
                .tagged(tide).publishedAt(published.minus(Duration.ofHours(1))).write();
        story(this, "Unrelated world story from the same desk").write();
        var draftSharingTags = story(this, "Draft sharing both tags").tagged(tide, barrier).draft().write();

        Page page = site().get(article.path());
        Document html = page.html();

        assertThat(page.status()).isEqualTo(200);
        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.selectFirst("h1").text()).isEqualTo(article.headline());
        assertThat(html.select(".standfirst").text()).isEqualTo("Engineers lowered the gates for the first time this winter.");
        assertThat(html.select(".byline a[rel=author]").eachAttr("href"))
                .containsExactly("/author/amara-osei", "/author/lukas-brandt");
        assertThat(html.select(".story-body p").first().text()).startsWith("PORT HALVIK — The gates came down at noon.");
        assertThat(html.select(".story-body h2").eachText()).containsExactly("Why the barrier closed", "What happens next");
        assertThat(html.select(".story-body h2").eachAttr("id")).containsExactly("why-the-barrier-closed", "what-happens-next");
        assertThat(Instant.parse(html.select(".story-times time").get(0).attr("datetime"))).isEqualTo(published);
        assertThat(html.select(".story-times .updated").text()).startsWith("Updated");
        assertThat(Instant.parse(html.select(".story-times .updated time").attr("datetime")))
                .isEqualTo(published.plus(Duration.ofHours(2)));
        assertThat(html.select(".credit").text()).isEqualTo("With AFP");
        assertThat(html.select(".story-tags a[rel=tag]").eachText()).containsExactly(tide, barrier);

        Element recent = html.selectFirst("section.recent");
        assertThat(recent.selectFirst("h2").text()).isEqualTo("Recent Articles");
        assertThat(links(recent)).hasSize(5).doesNotContain(article.path(), draftSharingTags.path());

        Element related = html.selectFirst("section.related");
        assertThat(related.selectFirst("h2").text()).isEqualTo("Related News");
        List<String> relatedPaths = links(related);
        // The story sharing both tags ranks first. Below it, Lucene's text similarity decides: the sample site's
        // flood and levee stories are about the same thing and may outrank a story sharing a single tag whose
        // text is a placeholder. Never the story itself, never a draft.
        assertThat(relatedPaths).hasSizeLessThanOrEqualTo(5)
                .startsWith(sameTwoTags.path())
                .doesNotContain(article.path(), draftSharingTags.path());
        assertThat(html.select("#comments")).hasSize(1);
    }

    /**
     * Recent Articles are read once per change, not per render: a page rendered fresh (an editor's, signed in; any
     * page once the cache dropped it) follows the change at once, never the list as it was before.
     */
    @Test
    default void recentArticlesOnAFreshPageFollowAStoryTakenDownAtOnce() {
        var reading = story(this, "Story an editor reads while signed in").write();
        var newest = story(this, "Newest story, taken down minutes later").write();
        StaffSession editor = StaffSession.signedIn(this, TestAccounts.create(this, "editor"), TestAccounts.PASSWORD);
        assertThat(links(editor.get(reading.path()).html().selectFirst("section.recent"))).contains(newest.path());

        StoryEdits.unpublish(this, newest.id());

        Element recent = editor.get(reading.path()).html().selectFirst("section.recent");
        assertThat(links(recent)).hasSize(5).doesNotContain(newest.path(), reading.path());
        assertThat(site().get(newest.path()).status()).isEqualTo(404);
    }

    @Test
    default void renamedStoryAnswersItsOldAddressWithAPermanentRedirect() {
        var original = story(this, "Story whose slug the desk corrected").write();
        String firstSlug = original.path().substring(original.path().lastIndexOf('/') + 1);

        StoryEdits.changeSlug(this, original.id(), firstSlug + "-corrected");
        StoryEdits.changeSlug(this, original.id(), firstSlug + "-final");

        String current = "/world/" + firstSlug + "-final";
        Page oldest = site().get(original.path());
        Page middle = site().get("/world/" + firstSlug + "-corrected");
        assertThat(oldest.status()).isEqualTo(301);
        assertThat(oldest.header("Location")).endsWith(current);
        assertThat(middle.status()).isEqualTo(301);
        assertThat(middle.header("Location")).endsWith(current);
        assertThat(site().get(current).html().selectFirst("h1").text()).isEqualTo(original.headline());

        StoryEdits.changeSlug(this, original.id(), firstSlug);
        assertThat(site().get(original.path()).status()).isEqualTo(200);
        assertThat(site().get(current).header("Location")).endsWith(original.path());
    }

    @Test
    default void unknownAddressesGetTheSitesNotFoundPage() {
        for (String path : List.of("/world/no-such-story", "/no-such-section/", "/no-such-section",
                "/tag/no-such-tag", "/author/nobody-here", "/world/?page=999", "/world/some.file",
                "/assets/missing.css")) {
            Page page = site().get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            Document html = page.html();
            assertThat(html.select("h1").text()).as(path).isEqualTo("We couldn’t find that page");
            assertThat(html.select("main form[role=search] input[name=q]")).as(path).hasSize(1);
            assertThat(html.select("main a[href=/]")).as(path).isNotEmpty();
            assertThat(html.select("nav.sections a").eachText()).as(path).contains("World");
        }
    }

    @Test
    default void sectionTagAndAuthorPagesListTheirStoriesNewestFirst() {
        Instant now = Instant.now();
        String tag = "Ferry Timetable " + System.nanoTime();
        var older = story(this, "Older ferry story").in("business").tagged(tag).by("ines-carvalho")
                .publishedAt(now.minus(Duration.ofMinutes(2))).write();
        var newer = story(this, "Newer ferry story").in("business").tagged(tag).by("ines-carvalho")
                .publishedAt(now.minus(Duration.ofMinutes(1))).write();

        Document section = site().get("/business/").html();
        assertThat(section.selectFirst("h1").text()).isEqualTo("Business");
        assertThat(links(section.selectFirst(".list"))).startsWith(newer.path(), older.path());

        Document tagged = site().get("/tag/" + news.dateline.platform.Slugs.of(tag)).html();
        assertThat(tagged.selectFirst("h1").text()).isEqualTo(tag);
        assertThat(links(tagged.selectFirst(".list"))).containsExactly(newer.path(), older.path());

        Document author = site().get("/author/ines-carvalho").html();
        assertThat(links(author.selectFirst(".list"))).startsWith(newer.path(), older.path());

        Page withoutSlash = site().get("/business");
        assertThat(withoutSlash.status()).isEqualTo(301);
        assertThat(withoutSlash.header("Location")).endsWith("/business/");
    }

    /** Story links in an element, in page order, without section and tag links. */
    @Test
    default void addressesWithASlashTooManyAnswer301ToTheRealOnes() {
        var article = story(this, "Story linked with a slash too many").tagged("Quayside").write();

        assertThat(site().get("/feed/").status()).isEqualTo(301);
        assertThat(site().get("/feed/").header("Location")).endsWith("/feed");
        assertThat(site().get("/feed/atom/").header("Location")).endsWith("/feed/atom");
        Page slashed = site().get(article.path() + "/");
        assertThat(slashed.status()).isEqualTo(301);
        assertThat(slashed.header("Location")).endsWith(article.path());
        assertThat(site().get("/tag/quayside/").header("Location")).endsWith("/tag/quayside");
        assertThat(site().get("/tag/quayside").status()).isEqualTo(200);
        assertThat(site().get("/world/feed/").header("Location")).endsWith("/world/feed");
        assertThat(site().get("/world/").status()).as("a section's address is the one with the slash")
                .isEqualTo(200);
        assertThat(site().get("/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0-news/%D1%80%D0%B5%D0%BF%D0%BE%D1%80%D1%82%D0%B0%D0%B6/")
                .header("Location"))
                .as("a Unicode address stays percent-encoded")
                .endsWith("/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0-news/%D1%80%D0%B5%D0%BF%D0%BE%D1%80%D1%82%D0%B0%D0%B6");
    }

    private static List<String> links(Element element) {
        return element.select(".card-title a, h1 a").eachAttr("href");
    }
}
