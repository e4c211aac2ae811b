package news.dateline.newsroom;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import news.dateline.platform.Moments;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
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

    /** The test site has no DATELINE_SMTP_HOST: its admins are told mail is off, and where mails go instead. */
    @Test
    default void withoutSmtpTheAdminsDashboardAndMailScreenSayMailIsOff() {
        StaffSession admin = StaffSession.signedIn(this, TestAccounts.create(this, "admin"), TestAccounts.PASSWORD);
        assertThat(admin.get("/newsroom").html().select("#operations").text())
                .contains("Mail is off: DATELINE_SMTP_HOST is not set, so mails (reset links, invitations,"
                        + " notifications) are written to the site's log instead of being sent");
        assertThat(admin.get("/newsroom/mail").html().select("#mail-state").text()).startsWith("Mail is off");
        Document editors = StaffSession.signedIn(this, TestAccounts.create(this, "editor"), TestAccounts.PASSWORD)
                .get("/newsroom").html();
        assertThat(editors.select("#operations").text()).as("operations are the admins' business")
                .doesNotContain("Mail is off");
    }

    @Test
    default void anEditorsDashboardLinksThePendingCommentsAndHasNoPersonalList() {
        String editor = TestAccounts.create(this, "editor");

        Document dashboard = StaffSession.signedIn(this, editor, TestAccounts.PASSWORD).get("/newsroom").html();

        assertThat(dashboard.select("#my-drafts")).isEmpty();
        assertThat(dashboard.select("#count-comments a").attr("href")).isEqualTo("/newsroom/comments");
        assertThat(count(dashboard, "#count-published")).isEqualTo(countWhere("article", "status = 'published'"));
    }

    /** Issue 19, item 10: an update waiting for review was found only by opening each story. */
    @Test
    default void editorsAndAdminsSeeTheUpdatesWaitingForReviewWithWhoWhenAndALinkToReviewThem() {
        NewsroomForms author = NewsroomForms.as(this, "author");
        String headline = "Tram line extension approved " + Long.toString(System.nanoTime(), 36);
        String[] story = {"headline", headline, "standfirst", "A standfirst.", "section", "1", "slug", "",
                "tags", "", "body", "The council approved the extension.", "dateline", "", "source", ""};
        SiteClient.Page created = author.post("/newsroom/articles", with(story, "action", "save"));
        long id = Long.parseLong(created.header("Location").replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
        assertThat(author.post("/newsroom/articles/" + id, with(story, "action", "publish")).status()).isEqualTo(302);
        story[11] = "The council approved the extension by 31 votes to 12.";
        assertThat(author.post("/newsroom/articles/" + id, with(story, "action", "pending")).status()).isEqualTo(302);
        long pending = jdbc().sql("SELECT pending_revision_id FROM article WHERE id = :id").param("id", id)
                .query(Long.class).single();
        Instant savedAt = Instant.ofEpochMilli(jdbc().sql("SELECT saved_at FROM article_revision WHERE id = :id")
                .param("id", pending).query(Long.class).single());

        for (String role : java.util.List.of("editor", "admin")) {
            Document dashboard = NewsroomForms.as(this, role).get("/newsroom").html();
            Element item = dashboard.select("#pending-updates li:contains(" + headline + ")").first();
            assertThat(item).as(role + " sees the update in the queue").isNotNull();
            assertThat(item.text()).contains(headline, author.username);
            assertThat(item.select("time").text()).isEqualTo(bean(Moments.class).of(savedAt).human());
            assertThat(item.select("a.review").attr("href"))
                    .isEqualTo("/newsroom/articles/" + id + "/revisions?to=" + pending);
            assertThat(count(dashboard, "#count-pending-updates")).isEqualTo(countWhere("article",
                    "pending_revision_id IS NOT NULL"));
        }
        Document authors = author.get("/newsroom").html();
        assertThat(authors.select("#pending-updates")).as("authors do not review").isEmpty();

        // Approved, it leaves the queue.
        NewsroomForms editor = NewsroomForms.as(this, "editor");
        assertThat(editor.post("/newsroom/articles/" + id + "/pending/approve").status()).isEqualTo(302);
        assertThat(editor.get("/newsroom").html().select("#pending-updates").text()).doesNotContain(headline);
    }

    private static String[] with(String[] fields, String name, String value) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = name;
        all[fields.length + 1] = value;
        return all;
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
