package news.dateline.newsroom;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.dateline.platform.Moments;
import news.dateline.support.RunningSite;
import news.dateline.support.StaffSession;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import news.dateline.taxonomy.AuthorRepository;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard a person sees after signing in, on each database. */
interface DashboardJourneys extends RunningSite {

    @Test
    default void anAuthorSeesTheirOwnDraftsFirstThenWhatIsScheduledAndPublished() {
        String slug = "dash-writer-" + Long.toString(System.nanoTime(), 36);
        long authorId = bean(AuthorRepository.class).insert(slug, "Dash Writer", "");
        String author = TestAccounts.create(this, "author");
        jdbc().sql("UPDATE account SET author_id = :a WHERE username = :u").param("a", authorId).param("u", author)
                .update();
        Written mine = story(this, "Ferry timetable draft by Dash").by(slug).draft().write();
        Written theirs = story(this, "Somebody else's harbour draft").draft().write();
        Written scheduled = story(this, "Budget embargo lifts at noon").draft().write();
        Instant goesOut = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        jdbc().sql("UPDATE article SET status = 'scheduled', scheduled_for = :at WHERE id = :id")
                .param("at", goesOut.toEpochMilli()).param("id", scheduled.id()).update();
        Written published = story(this, "Lighthouse keeper retires after forty years").write();

        Document dashboard = StaffSession.signedIn(this, author, TestAccounts.PASSWORD).get("/newsroom").html();

        assertThat(dashboard.select("nav a[aria-current=page]").text()).isEqualTo("Dashboard");
        Element myDrafts = dashboard.selectFirst("#my-drafts");
        assertThat(myDrafts).isNotNull();
        assertThat(myDrafts.text()).contains(mine.headline()).doesNotContain(theirs.headline());
        assertThat(myDrafts.elementSiblingIndex()).as("my drafts come first")
                .isLessThan(dashboard.selectFirst("#drafts").elementSiblingIndex());
        assertThat(dashboard.select("#drafts").text()).contains(mine.headline(), theirs.headline());
        Element scheduledItem = dashboard.select("#scheduled li:contains(" + scheduled.headline() + ")").first();
        assertThat(scheduledItem).isNotNull();
        assertThat(scheduledItem.select("time").text()).isEqualTo(bean(Moments.class).of(goesOut).human());
        assertThat(dashboard.select("#published a:contains(" + published.headline() + ")").attr("href"))
                .isEqualTo(published.path());
        assertThat(count(dashboard, "#count-drafts")).isEqualTo(countWhere("article", "status = 'draft'"));
        assertThat(count(dashboard, "#count-scheduled")).isEqualTo(countWhere("article", "status = 'scheduled'"));
        assertThat(count(dashboard, "#count-comments")).isEqualTo(countWhere("comment", "state = 'pending'"));
        assertThat(dashboard.select("#count-comments a")).as("authors do not moderate").isEmpty();
    }

    @Test
    default void anEditorsDashboardLinksThePendingCommentsAndHasNoPersonalList() {
        String editor = TestAccounts.create(this, "editor");

        Document dashboard = StaffSession.signedIn(this, editor, TestAccounts.PASSWORD).get("/newsroom").html();

        assertThat(dashboard.select("#my-drafts")).isEmpty();
        assertThat(dashboard.select("#count-comments a").attr("href")).isEqualTo("/newsroom/comments");
        assertThat(count(dashboard, "#count-published")).isEqualTo(countWhere("article", "status = 'published'"));
    }

    private static long count(Document dashboard, String selector) {
        return Long.parseLong(dashboard.select(selector + " strong").text());
    }

    private long countWhere(String table, String condition) {
        return jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE " + condition).query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }
}
