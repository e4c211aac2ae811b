package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The editor and the article write path, through a real server, on each database. */
interface EditorJourneys extends RunningSite {

    private static String unique(String headline) {
        return headline + " " + Long.toString(System.nanoTime(), 36);
    }

    @Test
    default void contributorCannotPublishAndNothingChanges() {
        Desk contributor = Desk.signIn(this, "contributor");
        String headline = unique("Harbour pilots agree new shift pattern");
        long id = contributor.createDraft(Desk.story(headline, "The pilots voted on Tuesday."));
        long revisionsBefore = Desk.revisions(this, id);

        Map<String, String> edited = Desk.story(headline + " (edited)", "A changed body.");
        SiteClient.Page refused = contributor.post("/newsroom/articles/" + id, edited, "publish");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("[role=alert]").text()).contains("Contributors write drafts");
        Map<String, Object> row = Desk.row(this, id);
        assertThat(row.get("status")).isEqualTo("draft");
        assertThat(row.get("headline")).isEqualTo(headline);
        assertThat(row.get("body")).isEqualTo("The pilots voted on Tuesday.");
        assertThat(row.get("published_at")).isNull();
        assertThat(Desk.revisions(this, id)).isEqualTo(revisionsBefore);
        assertThat(site().get(Desk.path(this, id)).status()).isEqualTo(404);

        Desk author = Desk.signIn(this, "author");
        SiteClient.Page autosave = author.post("/newsroom/articles/" + id + "/autosave", Desk.story(headline, "x"));
        assertThat(autosave.status()).as("the editor's background save of someone else's draft").isEqualTo(403);
        assertThat(autosave.header("Content-Type")).startsWith("application/json");
        assertThat(autosave.body()).contains("\"error\"");
        assertThat(Desk.row(this, id).get("body")).isEqualTo("The pilots voted on Tuesday.");
        assertThat(author.post("/newsroom/articles/" + id, Desk.story(headline, "x"), "publish").status())
                .as("an author publishing someone else's story").isEqualTo(403);
        assertThat(Desk.row(this, id).get("status")).isEqualTo("draft");

        long own = author.createDraft(Desk.story(unique("Author files her own report"), "Her own words."));
        assertThat(author.post("/newsroom/articles/" + own, Desk.story(unique("Author files her own report"),
                "Her own words."), "publish").status()).isEqualTo(302);
        assertThat(Desk.row(this, own).get("status")).isEqualTo("published");

        Desk editor = Desk.signIn(this, "editor");
        assertThat(editor.post("/newsroom/articles/" + id, Desk.story(headline, "The pilots voted on Tuesday."),
                "publish").status()).isEqualTo(302);
        assertThat(site().get(Desk.path(this, id)).html().select("h1").text()).isEqualTo(headline);
    }

    @Test
    default void scheduledStoryAppearsAtItsTimeWithoutAnyPageRequest() {
        // A timer, not a request, runs the publisher: it is registered to run every few seconds.
        assertThat(bean(ScheduledTaskHolder.class).getScheduledTasks()).map(task -> task.getTask())
                .anySatisfy(task -> assertThat(task).isInstanceOf(FixedDelayTask.class)
                        .hasToString(ScheduledPublisher.class.getName() + ".publishDue"));
        // Rather than wait for that timer, the test moves the site's clock and runs the timer's job itself.
        MovableClock clock = bean(MovableClock.class);
        ScheduledPublisher scheduler = bean(ScheduledPublisher.class);
        Desk editor = Desk.signIn(this, "editor");
        // A story that fell due while the site was down: the scheduler publishes it on its next round (and at start).
        String overdueHeadline = unique("Overdue story from the night shift");
        long overdue = editor.createDraft(Desk.story(overdueHeadline, "Filed before the outage."));
        bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("UPDATE article SET status = 'scheduled', scheduled_for = :at WHERE id = :id")
                .param("at", clock.instant().minus(Duration.ofHours(1)).toEpochMilli()).param("id", overdue).update();
        String headline = unique("Observatory opens to the public at dawn");
        long id = editor.createDraft(Desk.story(headline, "The doors open at six."));
        Instant at = clock.instant().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> form = Desk.story(headline, "The doors open at six.");
        form.put("scheduleAt", LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString());

        assertThat(editor.post("/newsroom/articles/" + id, form, "schedule").status()).isEqualTo(302);
        assertThat(Desk.row(this, id).get("status")).isEqualTo("scheduled");
        String path = Desk.path(this, id);
        scheduler.publishDue();
        assertThat(Desk.row(this, id).get("status")).as("a round before its time").isEqualTo("scheduled");
        assertThat(site().get(path).status()).as("before its time").isEqualTo(404);

        // No page is requested between its time coming and the scheduler's round: only the database is watched.
        clock.advanceTo(at);
        scheduler.publishDue();
        assertThat(Desk.row(this, id).get("status")).isEqualTo("published");
        assertThat(Instant.ofEpochMilli(((Number) Desk.row(this, id).get("published_at")).longValue()))
                .isAfterOrEqualTo(at);
        assertThat(site().get(path).html().select("h1").text()).isEqualTo(headline);
        assertThat(site().get("/").html().select("a").eachText()).contains(headline, overdueHeadline);
        assertThat(Desk.row(this, overdue).get("status")).isEqualTo("published");
    }

    @Test
    default void restoringARevisionBringsBackItsText() {
        Desk editor = Desk.signIn(this, "editor");
        String headline = unique("Ferry timetable changes for winter");
        long id = editor.createDraft(Desk.story(headline, "Ferries leave every hour.\n\nThe last one is at ten."));
        assertThat(editor.post("/newsroom/articles/" + id,
                Desk.story(headline, "Ferries leave every two hours.\n\nThe last one is at ten."), "save").status())
                .isEqualTo(302);
        assertThat(Desk.row(this, id).get("body")).isEqualTo("Ferries leave every two hours.\n\nThe last one is at ten.");

        assertThat(editor.client.get("/newsroom/articles?status=draft&mine=true").html()
                .select(".article-list a").eachText()).contains(headline);
        assertThat(editor.client.get("/newsroom/articles?status=published").html()
                .select(".article-list a").eachText()).doesNotContain(headline);

        Document history = editor.client.get("/newsroom/articles/" + id + "/revisions").html();
        assertThat(history.select(".revision-list tbody tr")).hasSize(2);
        assertThat(history.select(".revision-list tbody tr").last().text()).contains(editor.username, "Created");
        assertThat(history.select(".diff ins").eachText()).contains("two hours");
        assertThat(history.select(".diff del").eachText()).contains("hour");

        String restore = history.select("form[id^=restore-]").last().attr("action");
        assertThat(editor.post(restore, Map.of()).status()).isEqualTo(302);

        assertThat(Desk.row(this, id).get("body")).isEqualTo("Ferries leave every hour.\n\nThe last one is at ten.");
        Document after = editor.client.get("/newsroom/articles/" + id + "/revisions").html();
        assertThat(after.select(".revision-list tbody tr")).hasSize(3);
        assertThat(after.select(".revision-list tbody tr").first().text()).contains("Restored");
    }

    @Test
    default void correctionShowsInTheCorrectionsBoxNewestFirst() {
        Desk editor = Desk.signIn(this, "editor");
        String headline = unique("Council approves flood barrier budget");
        Map<String, String> form = Desk.story(headline, "The council approved 12 million for the barrier.");
        long id = editor.createDraft(form);
        assertThat(editor.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);
        String path = Desk.path(this, id);
        assertThat(site().get(path).html().select(".corrections")).isEmpty();

        Map<String, String> first = Desk.story(headline, "The council approved 21 million for the barrier.");
        first.put("correctionNote", "An earlier version gave the budget as 12 million.");
        assertThat(editor.post("/newsroom/articles/" + id, first, "correct").status()).isEqualTo(302);
        Map<String, String> second = Desk.story(headline, "The council approved 21 million for the new barrier.");
        second.put("correctionNote", "An earlier version misnamed the barrier.");
        assertThat(editor.post("/newsroom/articles/" + id, second, "correct").status()).isEqualTo(302);

        Document page = site().get(path).html();
        assertThat(page.select(".story-body").text()).contains("21 million for the new barrier");
        assertThat(page.select(".corrections li").eachText()).hasSize(2);
        assertThat(page.select(".corrections li").get(0).text()).endsWith("An earlier version misnamed the barrier.");
        assertThat(page.select(".corrections li").get(1).text())
                .endsWith("An earlier version gave the budget as 12 million.");
        assertThat(page.select(".corrections li time").attr("datetime")).isNotBlank();
        assertThat(page.select(".story-times .updated")).isNotEmpty();
        String jsonLd = page.select("script[type=application/ld+json]").html();
        assertThat(jsonLd).contains("\"correction\"", "CorrectionComment", "An earlier version misnamed the barrier.");

        Map<String, String> later = Desk.story(headline, "The council approved 21 million for the new barrier.");
        assertThat(editor.post("/newsroom/articles/" + id, later, "save").status()).isEqualTo(302);
        assertThat(site().get(path).html().select(".corrections li")).as("corrections stay forever").hasSize(2);

        Map<String, String> noNote = Desk.story(headline, "Body.");
        SiteClient.Page refused = editor.post("/newsroom/articles/" + id, noNote, "correct");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#correctionNote ~ .field-error").text()).contains("Say what was corrected");
    }

    @Test
    default void pendingUpdateKeepsThePublishedVersionUntilApproved() {
        Desk author = Desk.signIn(this, "author");
        String headline = unique("Rail strike called off after talks");
        Map<String, String> form = Desk.story(headline, "Unions called off the strike.");
        long id = author.createDraft(form);
        assertThat(author.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);
        String path = Desk.path(this, id);

        Map<String, String> update = Desk.story(headline, "Unions called off the strike after a late offer.");
        assertThat(author.post("/newsroom/articles/" + id, update, "pending").status()).isEqualTo(302);

        Document live = site().get(path).html();
        assertThat(live.select(".story-body").text()).contains("Unions called off the strike.")
                .doesNotContain("late offer");
        assertThat(live.select(".story-times .updated")).isEmpty();
        assertThat(Desk.row(this, id).get("body")).isEqualTo("Unions called off the strike.");

        Desk editor = Desk.signIn(this, "editor");
        Document editing = editor.client.get("/newsroom/articles/" + id).html();
        assertThat(editing.select(".pending-update").text()).contains("waiting for review", author.username);
        assertThat(editor.post("/newsroom/articles/" + id + "/pending/approve", Map.of()).status()).isEqualTo(302);

        Document updated = site().get(path).html();
        assertThat(updated.select(".story-body").text()).contains("after a late offer");
        assertThat(updated.select(".story-times .updated").text()).startsWith("Updated");
        assertThat(editor.client.get("/newsroom/articles/" + id).html().select(".pending-update")).isEmpty();
    }

    @Test
    default void invalidEditorFormKeepsWhatWasTyped() {
        Desk editor = Desk.signIn(this, "editor");
        String body = "## What happened\n\nA long paragraph typed by the writer, with <angle brackets> & ampersands.";
        Map<String, String> form = Desk.story("", body);
        form.put("tags", "Weather, Storm Ida");
        form.put("standfirst", "The standfirst stays too.");
        long articlesBefore = Desk.articleCount(this);

        SiteClient.Page answer = editor.post("/newsroom/articles", form, "publish");

        assertThat(answer.status()).isEqualTo(422);
        Document page = answer.html();
        assertThat(page.select("#headline ~ .field-error").text()).isEqualTo("Write a headline.");
        assertThat(page.select("#body").text()).isEqualTo(body);
        assertThat(page.select("#body").first().wholeText()).isEqualTo(body);
        assertThat(page.select("#tags").attr("value")).isEqualTo("Weather, Storm Ida");
        assertThat(page.select("#standfirst").first().wholeText()).isEqualTo("The standfirst stays too.");
        assertThat(page.select(".form-error").text()).contains("Nothing was saved");
        assertThat(Desk.articleCount(this)).isEqualTo(articlesBefore);

        Map<String, String> past = Desk.story(unique("Storm warning lifted"), body);
        past.put("scheduleAt", "2001-01-01T10:00");
        SiteClient.Page pastAnswer = editor.post("/newsroom/articles", past, "schedule");
        assertThat(pastAnswer.status()).isEqualTo(422);
        assertThat(pastAnswer.html().select("#scheduleAt-error").text()).isEqualTo("Choose a time in the future.");

        Map<String, String> badSlug = Desk.story(unique("Storm warning lifted"), body);
        badSlug.put("slug", "Not A Slug!");
        assertThat(editor.post("/newsroom/articles", badSlug, "save").html().select("#slug ~ .field-error").text())
                .startsWith("Use lower-case letters");
    }

    @Test
    default void previewLinkShowsAnUnpublishedDraftToSomeoneWithoutAnAccount() {
        Desk author = Desk.signIn(this, "author");
        String headline = unique("Embargoed report on river quality");
        long id = author.createDraft(Desk.story(headline, "## Findings\n\nThe river is cleaner."));
        String link = author.client.get("/newsroom/articles/" + id).html().select("a.preview-link").attr("href");
        assertThat(link).startsWith("/preview/");

        SiteClient.Page preview = site().get(link);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.html().select("h1").text()).isEqualTo(headline);
        assertThat(preview.html().select(".story-body h2").text()).isEqualTo("Findings");
        assertThat(preview.html().select(".preview-banner").text()).contains("not published");
        assertThat(preview.header("Cache-Control")).contains("no-store");
        assertThat(preview.header("X-Robots-Tag")).contains("noindex");
        assertThat(preview.html().select("link[rel=canonical]")).isEmpty();
        assertThat(site().get(Desk.path(this, id)).status()).as("still not public").isEqualTo(404);

        String forged = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(site().get(forged).status()).isEqualTo(404);
        assertThat(site().get("/preview/" + (id + 1) + link.substring(link.indexOf('.'))).status()).isEqualTo(404);
    }
    @Test
    default void updateForReviewWrittenBeforeADirectUpdateIsNotApprovedOverIt() {
        Desk author = Desk.signIn(this, "author");
        String headline = unique("Bridge closure extended into spring");
        Map<String, String> form = Desk.story(headline, "The bridge stays closed until March.");
        long id = author.createDraft(form);
        assertThat(author.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);
        String path = Desk.path(this, id);
        Map<String, String> proposal = Desk.story(headline, "The bridge stays closed until April.");
        assertThat(author.post("/newsroom/articles/" + id, proposal, "pending").status()).isEqualTo(302);
        long pending = Desk.pendingRevision(this, id);

        // Meanwhile an editor publishes a direct update to the live story.
        Desk editor = Desk.signIn(this, "editor");
        Map<String, String> direct = Desk.story(headline, "The bridge stays closed until March, the council said.");
        assertThat(editor.post("/newsroom/articles/" + id, direct, "save").status()).isEqualTo(302);
        long revisionsBefore = Desk.revisions(this, id);

        Document editing = editor.client.get("/newsroom/articles/" + id).html();
        assertThat(editing.select(".pending-update").text())
                .contains("The story has changed since this update was written");
        String diff = editing.select(".pending-update a.stale-diff").attr("href");
        assertThat(diff).startsWith("/newsroom/articles/" + id + "/revisions?from=" + pending + "&to=");
        assertThat(editor.client.get(diff).html().select(".diff ins").text()).contains("council");

        SiteClient.Page refused = editor.post("/newsroom/articles/" + id + "/pending/approve", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("[role=alert]").text())
                .contains("The story has changed since this update was written");
        assertThat(refused.html().select(".pending-update a.stale-diff").attr("href")).isEqualTo(diff);
        assertThat(Desk.row(this, id).get("body")).isEqualTo("The bridge stays closed until March, the council said.");
        assertThat(Desk.revisions(this, id)).isEqualTo(revisionsBefore);
        assertThat(Desk.pendingRevision(this, id)).isEqualTo(pending);
        assertThat(site().get(path).html().select(".story-body").text()).contains("the council said")
                .doesNotContain("April");

        // Re-basing: the waiting text opens in the editor, and saved for review again it can be approved.
        Document rebase = editor.client.get("/newsroom/articles/" + id + "?pending=edit").html();
        assertThat(rebase.select("#body").first().wholeText()).isEqualTo("The bridge stays closed until April.");
        Map<String, String> merged = Desk.story(headline, "The bridge stays closed until April, the council said.");
        assertThat(editor.post("/newsroom/articles/" + id, merged, "pending").status()).isEqualTo(302);
        assertThat(editor.post("/newsroom/articles/" + id + "/pending/approve", Map.of()).status()).isEqualTo(302);
        assertThat(site().get(path).html().select(".story-body").text()).contains("until April, the council said");
    }

    @Test
    default void savingAScheduledStoryKeepsItScheduledAndTheButtonSaysSo() {
        Desk editor = Desk.signIn(this, "editor");
        String headline = unique("Lantern parade route published");
        long id = editor.createDraft(Desk.story(headline, "The parade starts at the harbour."));
        assertThat(editor.client.get("/newsroom/articles/" + id).html()
                .select("button[name=action][value=save]").text()).isEqualTo("Save draft");
        Map<String, String> form = Desk.story(headline, "The parade starts at the harbour.");
        form.put("scheduleAt", LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(editor.post("/newsroom/articles/" + id, form, "schedule").status()).isEqualTo(302);
        Object scheduledFor = Desk.scheduledFor(this, id);

        Document page = editor.client.get("/newsroom/articles/" + id).html();
        String label = page.select("button[name=action][value=save]").text();
        assertThat(label).startsWith("Save, keep scheduled for ")
                .endsWith(page.select(".editor-meta").text().replaceAll(".*Scheduled for (.*?)( ·.*)?$", "$1"));
        assertThat(page.select("button").eachText()).doesNotContain("Save draft");

        Map<String, String> edited = Desk.story(headline, "The parade starts at the harbour at dusk.");
        edited.put("scheduleAt", form.get("scheduleAt"));
        assertThat(editor.post("/newsroom/articles/" + id, edited, "save").status()).isEqualTo(302);
        assertThat(Desk.row(this, id).get("status")).isEqualTo("scheduled");
        assertThat(Desk.row(this, id).get("body")).isEqualTo("The parade starts at the harbour at dusk.");
        assertThat(Desk.scheduledFor(this, id)).isEqualTo(scheduledFor);
    }

    @Test
    default void autosaveAfterTheSessionEndedAnswers401JsonNotTheSignInPage() {
        Desk author = Desk.signIn(this, "author");
        String headline = unique("Night ferry trial extended");
        long id = author.createDraft(Desk.story(headline, "The trial runs another month."));
        Map<String, String> form = Desk.story(headline, "Typed while the session ran out.");
        form.put("_csrf", author.csrf());

        // The same page, but the session is gone: a client without the session cookie.
        for (String[] header : new String[][] {{"X-Requested-With", "XMLHttpRequest"}, {"Accept", "application/json"}}) {
            SiteClient.Page answer = site().postForm("/newsroom/articles/" + id + "/autosave", form, header);
            assertThat(answer.status()).as("autosave with " + header[0]).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.body()).contains("\"error\"", "signed out").doesNotContain("<html");
            assertThat(answer.header("Location")).isNull();
        }
        assertThat(site().get("/newsroom/articles/" + id, "X-Requested-With", "XMLHttpRequest").status())
                .isEqualTo(401);
        SiteClient.Page pageLoad = site().get("/newsroom/articles/" + id, "Accept", "text/html,application/xhtml+xml");
        assertThat(pageLoad.status()).as("a browser's page load still goes to the sign-in form").isEqualTo(302);
        assertThat(pageLoad.header("Location")).endsWith("/newsroom/login");
        assertThat(Desk.row(this, id).get("body")).isEqualTo("The trial runs another month.");

        // Signed in again elsewhere: the old page's token no longer matches, and the page can fetch a fresh one.
        SiteClient again = site().signIn(author.username, news.dateline.support.TestAccounts.PASSWORD);
        SiteClient.Page stale = again.postForm("/newsroom/articles/" + id + "/autosave", form,
                "X-Requested-With", "XMLHttpRequest");
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.body()).contains("\"error\"");
        SiteClient.Page session = again.get("/newsroom/session", "X-Requested-With", "XMLHttpRequest");
        assertThat(session.status()).isEqualTo(200);
        String token = session.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        form.put("_csrf", token);
        assertThat(again.postForm("/newsroom/articles/" + id + "/autosave", form,
                "X-Requested-With", "XMLHttpRequest").status()).isEqualTo(200);
        assertThat(Desk.row(this, id).get("body")).isEqualTo("Typed while the session ran out.");
    }

    @Test
    default void bylinesAppearInTheOrderTheWriterGives() {
        Desk editor = Desk.signIn(this, "editor");
        String headline = unique("Two reporters on the harbour inquiry");
        Map<String, String> form = Desk.story(headline, "The inquiry opened on Monday.");
        form.put("bylines", "priya-raman, henrik-solberg");
        long id = editor.createDraft(form);
        assertThat(editor.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);
        String path = Desk.path(this, id);
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly(Desk.authorName(this, "priya-raman"), Desk.authorName(this, "henrik-solberg"));
        assertThat(editor.client.get("/newsroom/articles/" + id).html().select("#bylines").attr("value"))
                .isEqualTo("priya-raman, henrik-solberg");

        form.put("bylines", "henrik-solberg, priya-raman");
        assertThat(editor.post("/newsroom/articles/" + id, form, "save").status()).isEqualTo(302);
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly(Desk.authorName(this, "henrik-solberg"), Desk.authorName(this, "priya-raman"));

        form.put("bylines", "henrik-solberg, nobody-of-that-name");
        SiteClient.Page refused = editor.post("/newsroom/articles/" + id, form, "save");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#bylines ~ .field-error").text()).contains("not a known author");
        assertThat(refused.html().select("#bylines").attr("value")).isEqualTo("henrik-solberg, nobody-of-that-name");
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly(Desk.authorName(this, "henrik-solberg"), Desk.authorName(this, "priya-raman"));
    }

    @Test
    default void anAuthorCannotPublishUnderAColleaguesBylineWithoutTheirOwnNorDropTheirOwn() {
        Desk author = Desk.signIn(this, "author");
        String own = "own-writer-" + Long.toString(System.nanoTime(), 36);
        JdbcClient jdbc = bean(JdbcClient.class);
        jdbc.sql("INSERT INTO author (slug, name) VALUES (:slug, 'Own Writer')").param("slug", own).update();
        jdbc.sql("UPDATE account SET author_id = (SELECT id FROM author WHERE slug = :slug) WHERE username = :user")
                .param("slug", own).param("user", author.username).update();
        String headline = unique("Ferry fares rise in the spring");
        Map<String, String> form = Desk.story(headline, "Fares rise by four per cent.");
        form.put("bylines", "priya-raman");
        long stories = Desk.articleCount(this);

        SiteClient.Page refused = author.post("/newsroom/articles", form, "publish");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#bylines ~ .field-error").text())
                .isEqualTo(ArticlePermissions.NOT_WITHOUT_OWN_BYLINE);
        assertThat(refused.html().select("#bylines").attr("value")).isEqualTo("priya-raman");
        assertThat(refused.html().select("#headline").attr("value")).isEqualTo(headline);
        assertThat(Desk.articleCount(this)).as("nothing stored").isEqualTo(stories);

        form.put("bylines", own + ", priya-raman");
        long id = author.createDraft(form);
        assertThat(author.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);
        String path = Desk.path(this, id);
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly("Own Writer", Desk.authorName(this, "priya-raman"));

        form.put("bylines", "priya-raman");
        SiteClient.Page dropped = author.post("/newsroom/articles/" + id, form, "save");
        assertThat(dropped.status()).isEqualTo(422);
        assertThat(dropped.html().select("#bylines ~ .field-error").text())
                .isEqualTo(ArticlePermissions.OWN_BYLINE_STAYS);
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly("Own Writer", Desk.authorName(this, "priya-raman"));

        Desk editor = Desk.signIn(this, "editor");
        assertThat(editor.post("/newsroom/articles/" + id, form, "save").status()).as("an editor may").isEqualTo(302);
        assertThat(site().get(path).html().select(".byline a").eachText())
                .containsExactly(Desk.authorName(this, "priya-raman"));
        assertThat(author.post("/newsroom/articles/" + id, form, "save").status())
                .as("what an editor put there may stay").isEqualTo(302);

        Desk contributor = Desk.signIn(this, "contributor");
        Map<String, String> ghost = Desk.story(unique("A contributor's draft"), "Words.");
        ghost.put("bylines", "henrik-solberg");
        assertThat(contributor.post("/newsroom/articles", ghost, "save").status())
                .as("a contributor without a byline of their own").isEqualTo(422);
    }

    /** Issue 19, item 11: an article's comment settings were only in the JSON API; the editor has them now. */
    @Test
    default void anEditorSetsAStorysCommentSettingsInTheEditorAndABadValueComesBackKept() {
        Desk editor = Desk.signIn(this, "editor");
        String headline = unique("Harbour festival programme announced");
        Map<String, String> form = Desk.story(headline, "Three days of music on the quay.");
        form.put("commentModeration", "held");
        form.put("commentCloseAfterDays", "7");
        long id = editor.createDraft(form);

        Document editing = editor.client.get("/newsroom/articles/" + id).html();
        assertThat(editing.select("#commentModeration option[selected]").attr("value")).isEqualTo("held");
        assertThat(editing.select("#commentCloseAfterDays").attr("value")).isEqualTo("7");
        assertThat(policy(id)).isEqualTo("held 7");

        Map<String, String> bad = new java.util.LinkedHashMap<>(form);
        bad.put("commentModeration", "closed");
        bad.put("commentCloseAfterDays", "soon");
        bad.put("body", "Three days of music on the quay, and fireworks.");
        SiteClient.Page refused = editor.post("/newsroom/articles/" + id, bad, "save");
        assertThat(refused.status()).isEqualTo(422);
        Document back = refused.html();
        assertThat(back.select("#commentCloseAfterDays ~ .field-error").text())
                .isEqualTo("Close after: a whole number of days (0: never), or empty for the site's default.");
        assertThat(back.select("#commentCloseAfterDays").attr("value")).isEqualTo("soon");
        assertThat(back.select("#commentModeration option[selected]").attr("value")).isEqualTo("closed");
        assertThat(back.select("#body").text()).isEqualTo("Three days of music on the quay, and fireworks.");
        assertThat(policy(id)).as("nothing saved").isEqualTo("held 7");
        assertThat(Desk.row(this, id).get("body")).isEqualTo("Three days of music on the quay.");

        bad.put("commentModeration", "sometimes");
        bad.put("commentCloseAfterDays", "");
        Document unknown = editor.post("/newsroom/articles/" + id, bad, "save").html();
        assertThat(unknown.select("#commentModeration ~ .field-error").text())
                .isEqualTo("Choose one of the comment settings offered.");

        // Closed and published: readers find no form.
        Map<String, String> closed = new java.util.LinkedHashMap<>(form);
        closed.put("commentModeration", "closed");
        closed.put("commentCloseAfterDays", "");
        assertThat(editor.post("/newsroom/articles/" + id, closed, "publish").status()).isEqualTo(302);
        assertThat(policy(id)).isEqualTo("closed null");
        Document article = site().get(Desk.path(this, id)).html();
        assertThat(article.text()).contains("Comments are closed.");
        assertThat(article.select("form textarea[name=comment]")).isEmpty();

        // Authors do not moderate: no comment settings in their editor, and what they send is not applied.
        Desk author = Desk.signIn(this, "author");
        long own = author.createDraft(Desk.story(unique("Author's quiet story"), "Quiet."));
        assertThat(author.client.get("/newsroom/articles/" + own).html().select("#commentModeration")).isEmpty();
        Map<String, String> sneaky = Desk.story(unique("Author's quiet story"), "Quiet.");
        sneaky.put("commentModeration", "open");
        assertThat(author.post("/newsroom/articles/" + own, sneaky, "save").status()).isEqualTo(302);
        assertThat(policy(own)).isEqualTo("none");
    }

    private String policy(long articleId) {
        return bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COALESCE(moderation, 'default') || ' ' || COALESCE(CAST(close_after_days AS TEXT), 'null') FROM comment_policy "
                        + "WHERE article_id = :id")
                .param("id", articleId).query(String.class).optional().orElse("none");
    }

    @Test
    default void aUkrainianHeadlineAndTagGetUnicodeAddressesThatAnswerPercentEncoded() throws Exception {
        Desk editor = Desk.signIn(this, "editor");
        Map<String, String> form = Desk.story("Україна: новини дня", "Перші новини дня.");
        form.put("tags", "Україна");
        long id = editor.createDraft(form);
        assertThat(editor.post("/newsroom/articles/" + id, form, "publish").status()).isEqualTo(302);

        Map<String, Object> row = Desk.row(this, id);
        assertThat(row.get("slug")).isEqualTo("україна-новини-дня");
        String encoded = new java.net.URI(null, null, "/" + row.get("section_slug") + "/україна-новини-дня", null)
                .toASCIIString();
        assertThat(encoded).contains("%D1%83%D0%BA");
        SiteClient.Page page = site().get(encoded);
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("h1").text()).isEqualTo("Україна: новини дня");
        String base = html.select("link[rel=canonical]").attr("href").replaceAll("^(https?://[^/]+).*", "$1");
        assertThat(html.select("link[rel=canonical]").attr("href")).isEqualTo(base + encoded);
        assertThat(site().get(encoded).header("X-Cache")).as("the second request, from the page cache").isEqualTo("hit");

        String tagPath = new java.net.URI(null, null, "/tag/україна", null).toASCIIString();
        assertThat(html.select("a[href=" + tagPath + "]").eachText()).contains("Україна");
        SiteClient.Page tag = site().get(tagPath);
        assertThat(tag.status()).isEqualTo(200);
        assertThat(tag.html().select("a").eachAttr("href")).contains(encoded);

        String index = site().get("/sitemap.xml").body();
        java.util.List<String> locs = new java.util.ArrayList<>();
        for (String file : org.jsoup.Jsoup.parse(index, "", org.jsoup.parser.Parser.xmlParser())
                .select("sitemap > loc").eachText()) {
            locs.addAll(org.jsoup.Jsoup.parse(site().get(file.substring(base.length())).body(), "",
                    org.jsoup.parser.Parser.xmlParser()).select("url > loc").eachText());
        }
        assertThat(locs).contains(base + encoded, base + tagPath).doesNotContain(base + "/tag/");

        assertThat(page.header("xkey")).as("the front cache's purge keys name the tag, in ASCII")
                .contains("tag-" + tagPath.substring("/tag/".length()).replace("%", "").toLowerCase());

        Map<String, String> renamed = new java.util.LinkedHashMap<>(form);
        renamed.put("slug", "україна-новини");
        assertThat(editor.post("/newsroom/articles/" + id, renamed, "save").status()).isEqualTo(302);
        SiteClient.Page moved = site().get(encoded);
        assertThat(moved.status()).as("the old Unicode address").isEqualTo(301);
        assertThat(moved.header("Location")).endsWith(new java.net.URI(null, null,
                "/" + row.get("section_slug") + "/україна-новини", null).toASCIIString());

        long latin = editor.createDraft(Desk.story("São Paulo counts its ballots", "The count goes on."));
        assertThat(Desk.row(this, latin).get("slug")).as("an accented Latin headline keeps its ASCII slug")
                .isEqualTo("sao-paulo-counts-its-ballots");
    }
}
