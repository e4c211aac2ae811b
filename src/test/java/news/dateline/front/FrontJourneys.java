package news.dateline.front;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import news.dateline.support.MovableClock;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What editors decide about the site's face, seen by readers through a real server. The front page
 * (/newsroom/front): the lead, the top stories in order, a story pinned to its section; readers see it at once,
 * cached pages included, and never the same story twice. The breaking-news banner (/newsroom/banner): on every
 * reader page, cached ones included, within a second, announced to screen readers, ending by itself. Each journey
 * leaves the front page automatic and no banner showing, as the other journeys on the shared site expect.
 */
interface FrontJourneys extends RunningSite {

    @AfterEach
    default void frontPageBackToAutomatic() {
        NewsroomForms.as(this, "editor").post("/newsroom/front");
    }

    @Test
    default void theHomePageShowsEveryStoryOnce() {
        story(this, "Newest story leads the home page " + System.nanoTime()).write();

        Document home = site().get("/").html();

        List<String> stories = storyLinks(home);
        assertThat(stories).isNotEmpty().doesNotHaveDuplicates();
        assertThat(home.select(".section-block .card")).isNotEmpty();
    }

    @Test
    default void pinningALeadChangesTheHomePageAtOnceAndTheLeadAppearsOnce() {
        Instant now = bean(MovableClock.class).instant(); // the shared site's clock may run ahead of ours
        var chosen = story(this, "Older story the editors choose to lead").publishedAt(now.minus(Duration.ofHours(2)))
                .write();
        var top = story(this, "Second story the editors put on top").in("business")
                .publishedAt(now.minus(Duration.ofHours(3))).write();
        var newest = story(this, "Newest story, which would lead by itself").publishedAt(now).write();
        site().get("/");
        Page cached = site().get("/");
        assertThat(cached.header("X-Cache")).as("the home page is served from the cache").isEqualTo("hit");
        assertThat(cached.html().select(".lead .card-title a").attr("href")).isEqualTo(newest.path());

        NewsroomForms editor = NewsroomForms.as(this, "editor");
        Page saved = editor.post("/newsroom/front", "lead", String.valueOf(chosen.id()),
                "top-1", String.valueOf(top.id()), "order-1", "1");
        assertThat(saved.status()).isEqualTo(303);

        Page home = site().get("/");
        assertThat(home.header("X-Cache")).as("the cached home page was dropped").isNull();
        Document html = home.html();
        assertThat(html.select(".lead .card-title a").attr("href")).isEqualTo(chosen.path());
        assertThat(html.select(".top-stories .card-title a").eachAttr("href")).containsExactly(top.path());
        assertThat(storyLinks(html)).doesNotHaveDuplicates()
                .containsOnlyOnce(chosen.path(), top.path(), newest.path());
        assertThat(html.select(".latest .card-title a").eachAttr("href")).contains(newest.path())
                .doesNotContain(chosen.path(), top.path());

        Document screen = editor.get("/newsroom/front").html();
        assertThat(screen.select("#lead option[selected]").attr("value")).isEqualTo(String.valueOf(chosen.id()));
        assertThat(screen.select("#top-1 option[selected]").attr("value")).isEqualTo(String.valueOf(top.id()));
        assertThat(screen.select("[role=status]").text()).contains("Front page saved");
    }

    @Test
    default void topStoriesFollowTheirOrderNumbers() {
        var first = story(this, "Top story numbered one").write();
        var second = story(this, "Top story numbered two").write();
        var third = story(this, "Top story numbered three").write();

        NewsroomForms.as(this, "editor").post("/newsroom/front",
                "top-1", String.valueOf(third.id()), "order-1", "3",
                "top-2", String.valueOf(first.id()), "order-2", "1",
                "top-3", String.valueOf(second.id()), "order-3", "2");

        assertThat(site().get("/").html().select(".top-stories .card-title a").eachAttr("href"))
                .containsExactly(first.path(), second.path(), third.path());
    }

    @Test
    default void aStoryPinnedToItsSectionLeadsTheSectionPageAndItsBlock() {
        Instant now = bean(MovableClock.class).instant();
        var pinned = story(this, "Science story pinned to the section").in("science")
                .publishedAt(now.minus(Duration.ofDays(400))).write();
        story(this, "Newer science story").in("science").publishedAt(now).write();
        site().get("/science/");
        assertThat(site().get("/science/").header("X-Cache")).isEqualTo("hit");
        long science = bean(news.dateline.taxonomy.SectionRepository.class).findBySlug("science").orElseThrow().id();

        NewsroomForms.as(this, "editor").post("/newsroom/front", "pin-" + science, String.valueOf(pinned.id()));

        Document section = site().get("/science/").html();
        assertThat(section.select(".card-title a").eachAttr("href")).first().isEqualTo(pinned.path());
        assertThat(section.select(".card-title a").eachAttr("href")).containsOnlyOnce(pinned.path());
        Document home = site().get("/").html();
        assertThat(home.select(".section-block:has(#section-science) .card-title a")
                .eachAttr("href")).first().isEqualTo(pinned.path());
        assertThat(storyLinks(home)).doesNotHaveDuplicates();
    }

    @Test
    default void aStoryChosenTwiceIsRefusedAndTheFormKeepsWhatWasChosen() {
        var story = story(this, "Story chosen twice by mistake").write();
        NewsroomForms editor = NewsroomForms.as(this, "editor");

        Page refused = editor.post("/newsroom/front", "lead", String.valueOf(story.id()),
                "top-1", String.valueOf(story.id()), "order-1", "first");

        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.html();
        assertThat(form.select("#top-1-error").text()).isEqualTo("Already chosen as the lead story.");
        assertThat(form.select("#order-1-error").text()).isEqualTo("Give a whole number, like 1.");
        assertThat(form.select("#lead option[selected]").attr("value")).isEqualTo(String.valueOf(story.id()));
        assertThat(form.select("#order-1").attr("value")).isEqualTo("first");
        assertThat(form.select("[role=alert]").text()).contains("not changed");
        assertThat(editor.get("/newsroom/front").html().select("#lead option[selected]").attr("value"))
                .as("nothing was stored: the newest story still leads by itself").isEmpty();
    }

    @Test
    default void aWithdrawnOrUnknownStoryCannotLead() {
        var draft = story(this, "Draft that may not lead").draft().write();

        Page refused = NewsroomForms.as(this, "editor").post("/newsroom/front", "lead", String.valueOf(draft.id()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#lead-error").text()).isEqualTo("This story is not published; choose another.");
    }

    @Test
    default void authorsMayNotChooseTheFrontPage() {
        assertThat(NewsroomForms.as(this, "author").get("/newsroom/front").status()).isEqualTo(403);
    }

    /** Every story the page links from a card: lead, top stories, Latest and the section blocks. */
    private static List<String> storyLinks(Document page) {
        return page.select("main .card-title a").eachAttr("href");
    }

    @AfterEach
    default void noBannerLeftBehind() {
        NewsroomForms.as(this, "editor").post("/newsroom/banner/end");
    }

    @Test
    default void aBannerAppearsOnACachedArticleWithinASecondAndIsGoneAfterItsExpiry() {
        var article = story(this, "Story readers have open when the news breaks").write();
        var breaking = story(this, "Levee gives way north of the city").write();
        site().get(article.path());
        assertThat(site().get(article.path()).header("X-Cache")).as("the article is cached").isEqualTo("hit");

        Page set = NewsroomForms.as(this, "editor").post("/newsroom/banner",
                "message", "Levee gives way: evacuation ordered", "link", breaking.path(), "minutes", "15");
        assertThat(set.status()).isEqualTo(303);

        Element banner = within(Duration.ofSeconds(1), article.path(), page -> page.selectFirst(".breaking") != null)
                .selectFirst(".breaking");
        assertThat(banner.attr("role")).isEqualTo("status");
        assertThat(banner.attr("aria-live")).isEqualTo("polite");
        assertThat(banner.select("a").text()).isEqualTo("Levee gives way: evacuation ordered");
        assertThat(banner.select("a").attr("href")).isEqualTo(breaking.path());
        assertThat(site().get("/").html().select(".breaking a").text())
                .as("every reader page").isEqualTo("Levee gives way: evacuation ordered");
        assertThat(site().get(article.path()).header("X-Cache")).as("pages with the banner stay cacheable")
                .isEqualTo("hit");

        bean(MovableClock.class).advance(Duration.ofMinutes(15).plusSeconds(1));

        Document after = within(Duration.ofSeconds(1), article.path(), page -> page.selectFirst(".breaking") == null);
        assertThat(after.select(".breaking")).isEmpty();
        assertThat(site().get("/").html().select(".breaking")).isEmpty();
    }

    @Test
    default void aBannerWithAnUnsafeLinkIsRefusedAndTheFormKeepsWhatWasTyped() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");

        Page refused = editor.post("/newsroom/banner", "message", "Click for the latest",
                "link", "javascript:alert(document.cookie)", "minutes", "60");

        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.html();
        assertThat(form.select("#link-error").text())
                .isEqualTo("Use an address starting with https://, http:// or / (this site).");
        assertThat(form.select("#message").attr("value")).isEqualTo("Click for the latest");
        assertThat(form.select("#link").attr("value")).isEqualTo("javascript:alert(document.cookie)");
        assertThat(form.select("#minutes option[selected]").attr("value")).isEqualTo("60");
        assertThat(site().get("/").html().select(".breaking")).as("nothing was set").isEmpty();
    }

    @Test
    default void anEmptyLineIsRefusedAndTwoHoursIsTheDefault() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        assertThat(editor.get("/newsroom/banner").html().select("#minutes option[selected]").text())
                .isEqualTo("2 hours");

        Page refused = editor.post("/newsroom/banner", "message", "  ", "link", "", "minutes", "120");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#message-error").text()).isEqualTo("Write the banner's line.");
    }

    @Test
    default void anEditorEndsTheBannerEarly() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        editor.post("/newsroom/banner", "message", "Polls close in ten minutes", "minutes", "120");
        assertThat(site().get("/").html().select(".breaking").text()).contains("Polls close in ten minutes");
        assertThat(editor.get("/newsroom/banner").html().select("#banner-now").text())
                .contains("Polls close in ten minutes");

        Page ended = editor.post("/newsroom/banner/end");

        assertThat(ended.status()).isEqualTo(303);
        assertThat(site().get("/").html().select(".breaking")).isEmpty();
        assertThat(editor.get("/newsroom/banner").html().select("#banner-now").text())
                .isEqualTo("No banner is showing.");
    }

    @Test
    default void authorsMayNotSetTheBanner() {
        assertThat(NewsroomForms.as(this, "author").get("/newsroom/banner").status()).isEqualTo(403);
    }

    /** The page at {@code path} once it satisfies {@code condition}, asked every 50 ms for at most {@code limit}. */
    private Document within(Duration limit, String path, Predicate<Document> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        Document page = site().get(path).html();
        while (!condition.test(page) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = site().get(path).html();
        }
        assertThat(condition).as("within " + limit + " on " + path).accepts(page);
        return page;
    }
}
