package news.dateline.front;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What editors decide about the site's face, seen by readers through a real server. The front page
 * (/newsroom/front): the lead, the top stories in order, a story pinned to its section; readers see it at once,
 * cached pages included, and never the same story twice. Each journey leaves the front page
 * automatic, as the other journeys on the shared site expect.
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
        Instant now = Instant.now();
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
        Instant now = Instant.now();
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
}
