package news.dateline.notify;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.comment.Moderation;
import news.dateline.moderation.ModerationService;
import news.dateline.story.ArticleService;
import news.dateline.support.MovableClock;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.Smtp;
import news.dateline.support.StaffSession;
import news.dateline.support.TestAccounts;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.taxonomy.AuthorRepository;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notification mails through a real SMTP server (GreenMail on a random port) on each database: a commenter told of
 * replies, and the one-click unsubscribe. Each journey mails addresses of its own; what must not be mailed is read
 * from the outbox, where a mail is stored in the transaction that causes it.
 */
interface NotificationJourneys extends RunningSite {

    Duration WITHIN = Duration.ofSeconds(20);
    AtomicInteger ADDRESSES = new AtomicInteger();
    Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");

    @Test
    default void aCommenterWhoAskedIsMailedOnceForEachPublishedReplyAndOneClickStopsTheMails() throws Exception {
        Written article = story(this, "Harbour wall repairs start in spring").write();
        ModerationService moderation = bean(ModerationService.class);
        moderation.setPolicy(article.id(), Moderation.OPEN, null);
        String asker = Smtp.address("asker");
        String replier = Smtp.address("replier");
        long question = publish(article, "Will the footpath stay open during the works?", "Ines Kowal", asker,
                null, true);
        assertThat(notifyFlag(question)).isTrue();

        moderation.setPolicy(article.id(), Moderation.HELD, null);
        post(article, "Only the northern half closes, from what the council said.", "Bo Lund", replier, question,
                false);
        long reply = idOf("Only the northern half closes, from what the council said.");
        assertThat(stateOf(reply)).isEqualTo("pending");
        assertThat(queuedTo(asker)).as("nothing while the reply is held").isZero();

        moderation.approve(reply);
        MimeMessage mail = Smtp.awaitMail(asker, 1, WITHIN);
        assertThat(mail.getSubject())
                .isEqualTo("A reply to your comment on “Harbour wall repairs start in spring” · Dateline");
        String text = Smtp.text(mail);
        assertThat(text).startsWith("Dateline\n").contains("Bo Lund replied to your comment")
                .contains("Only the northern half closes")
                .contains(article.path() + "#comment-" + reply)
                .as("no other reader's address").doesNotContain(replier);
        assertThat(Smtp.html(mail)).doesNotContain(replier).contains("#comment-" + reply);
        String listUnsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).startsWith("<http").endsWith(">").contains("/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = URI.create(listUnsubscribe.substring(1, listUnsubscribe.length() - 1)).getPath();
        assertThat(Smtp.linkPath(mail, "/unsubscribe/")).as("the same link in the text").isEqualTo(unsubscribe);

        moderation.markSpam(reply);
        moderation.approve(reply);
        assertThat(queuedTo(asker)).as("one mail per reply, however often it is approved").isEqualTo(1);

        moderation.setPolicy(article.id(), Moderation.OPEN, null);
        publish(article, "Thanks, that is good news for my morning walk.", "Ines Kowal", asker, question, false);
        assertThat(queuedTo(asker)).as("answering oneself is no news").isEqualTo(1);

        Page asked = site().get(unsubscribe);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.html().select("#unsubscribe-ask").text()).isEqualTo(UnsubscribeController.ASK);
        assertThat(notifyFlag(question)).as("opening the link (a link checker) changes nothing").isTrue();
        String altered = unsubscribe.substring(0, unsubscribe.length() - 2)
                + (unsubscribe.endsWith("AA") ? "BB" : "AA");
        assertThat(oneClick(altered).statusCode()).as("a link the site did not sign").isEqualTo(403);
        assertThat(notifyFlag(question)).isTrue();

        HttpResponse<String> clicked = oneClick(unsubscribe);
        assertThat(clicked.statusCode()).as("RFC 8058: a POST without cookies or token").isEqualTo(200);
        assertThat(clicked.body()).contains(UnsubscribeController.DONE);
        assertThat(notifyFlag(question)).isFalse();

        publish(article, "The contractor's notice is on the harbour office door.", "Ada Berg",
                Smtp.address("third"), question, false);
        assertThat(queuedTo(asker)).as("nothing after unsubscribing").isEqualTo(1);
        assertThat(Smtp.mailsTo(asker)).hasSize(1);
    }

    @Test
    default void theNotifyCheckboxIsOffByDefaultAndKeptWhenTheFormComesBackWithAProblem() {
        Written article = story(this, "Library opens on Sundays from March").write();
        bean(ModerationService.class).setPolicy(article.id(), Moderation.OPEN, null);
        Element box = site().get(article.path()).html().selectFirst("#commentform input#notify_replies");
        assertThat(box).isNotNull();
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(box.hasAttr("checked")).as("unticked unless the reader ticks it").isFalse();
        Document page = site().get(article.path()).html();
        assertThat(page.select("label[for=notify_replies]").text()).isEqualTo("Notify me of replies by email");

        Map<String, String> fields = fields(article, "Finally! Sunday is the only day I can go.", "Ola",
                "not-an-address", null, true);
        Page refused = site().postForm(article.path() + "/comments", fields, "X-Forwarded-For", someIp());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#email-error").text()).isNotEmpty();
        assertThat(refused.html().select("#commentform input#notify_replies").hasAttr("checked"))
                .as("kept on the form that comes back").isTrue();

        String quiet = Smtp.address("quiet");
        long comment = publish(article, "Will the café open too?", "Ola", quiet, null, false);
        assertThat(notifyFlag(comment)).isFalse();
        publish(article, "It will, from ten.", "Pia", Smtp.address("pia"), comment, false);
        assertThat(queuedTo(quiet)).as("not asked, not mailed").isZero();
    }

    @Test
    default void moderatorsGetOneDigestOfHeldCommentsAtMostEveryIntervalAndOnlyWhenSomethingNewIsHeld() throws Exception {
        String editor = staffWithEmail("editor", "digest-editor");
        String admin = staffWithEmail("admin", "digest-admin");
        String author = staffWithEmail("author", "digest-author");
        String quietEditor = staffWithEmail("editor", "digest-off");
        StaffSession quiet = StaffSession.signedIn(this, usernameOf(quietEditor), TestAccounts.PASSWORD);
        Document settings = quiet.get(NotificationSettingsController.PATH).html();
        assertThat(settings.select("input#heldDigest").hasAttr("checked")).as("on unless turned off").isTrue();
        assertThat(settings.select("label[for=heldDigest]").text()).contains("at most every 30 minutes");
        Page saved = quiet.post(NotificationSettingsController.PATH, Map.of("storyMail", "on"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(quiet.get(NotificationSettingsController.PATH + "?saved").html().select("input#heldDigest")
                .hasAttr("checked")).isFalse();

        Written article = story(this, "Night buses return to the ring road").write();
        bean(ModerationService.class).setPolicy(article.id(), Moderation.HELD, null);
        MovableClock clock = bean(MovableClock.class);
        clock.advance(Duration.ofMinutes(31)); // whatever digest went out before is older than the interval
        post(article, "About time! <script>alert(1)</script> The last bus at 23:10 was useless.", "<b>Nina</b>",
                Smtp.address("nina"), null, false);
        HeldCommentsDigest digest = bean(HeldCommentsDigest.class);
        digest.sendIfDue();

        MimeMessage mail = Smtp.awaitMail(editor, 1, WITHIN);
        assertThat(mail.getSubject()).endsWith("waiting for moderation · Dateline");
        assertThat(Smtp.text(mail)).contains("<b>Nina</b> on “Night buses return to the ring road”")
                .contains("The last bus at 23:10").contains("/newsroom/comments")
                .contains("/newsroom/notifications");
        assertThat(Smtp.html(mail)).as("escaped").contains("&lt;b&gt;Nina&lt;/b&gt;")
                .contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("<b>Nina");
        Smtp.awaitMail(admin, 1, WITHIN);
        assertThat(queuedTo(author)).as("authors do not moderate").isZero();
        assertThat(queuedTo(quietEditor)).as("turned off for themselves").isZero();

        digest.sendIfDue();
        clock.advance(Duration.ofMinutes(31));
        digest.sendIfDue();
        assertThat(queuedTo(editor)).as("nothing new held since the last digest").isEqualTo(1);

        post(article, "Will they run on Sundays too?", "Otto", Smtp.address("otto"), null, false);
        digest.sendIfDue();
        assertThat(Smtp.awaitMail(editor, 2, WITHIN).getSubject()).endsWith("waiting for moderation · Dateline");
        post(article, "And on public holidays?", "Otto", Smtp.address("otto2"), null, false);
        clock.advance(Duration.ofMinutes(10));
        digest.sendIfDue();
        assertThat(queuedTo(editor)).as("at most one digest every 30 minutes").isEqualTo(2);
        clock.advance(Duration.ofMinutes(21));
        digest.sendIfDue();
        assertThat(Smtp.text(Smtp.awaitMail(editor, 3, WITHIN))).contains("And on public holidays?")
                .doesNotContain("Will they run on Sundays too?");
    }

    @Test
    default void twoNodesLookingForTheDigestAtOnceSendItOnce() throws Exception {
        String editor = staffWithEmail("editor", "digest-race");
        Written article = story(this, "Tram depot plans go on show").write();
        bean(ModerationService.class).setPolicy(article.id(), Moderation.HELD, null);
        HeldCommentsDigest digest = bean(HeldCommentsDigest.class);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 4; round++) {
                post(article, "Question number " + round + " about the depot.", "Rui", Smtp.address("rui"), null,
                        false);
                bean(MovableClock.class).advance(Duration.ofMinutes(31));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    runs.add(nodes.submit(() -> {
                        together.await();
                        return digest.sendIfDue();
                    }));
                }
                for (Future<Integer> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
                assertThat(queuedTo(editor)).as("round %d: one digest, whichever node sent it", round)
                        .isEqualTo(round);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    default void anAuthorIsMailedWhenSomeoneElsePublishesOrCorrectsTheirStoryButNotForWhatTheyDoThemselves()
            throws Exception {
        String authorSlug = "notify-author-" + Long.toString(System.nanoTime(), 36);
        long authorId = bean(AuthorRepository.class).insert(authorSlug, "Mira Notified", "");
        String authorEmail = staffWithEmail("author", "byline");
        bean(JdbcClient.class).sql("UPDATE account SET author_id = :a WHERE email = :e").param("a", authorId)
                .param("e", authorEmail).update();
        NewsroomForms author = NewsroomForms.signedIn(this, usernameOf(authorEmail));
        NewsroomForms editor = NewsroomForms.as(this, "editor");

        Written draft = story(this, "Ferry fares to rise in May").by(authorSlug).draft().write();
        assertThat(editor.post("/newsroom/articles/" + draft.id(), editorForm(draft, authorSlug, "publish",
                "")).status()).isEqualTo(302);
        MimeMessage published = Smtp.awaitMail(authorEmail, 1, WITHIN);
        assertThat(published.getSubject()).isEqualTo("Your story is published: “Ferry fares to rise in May” · Dateline");
        assertThat(Smtp.text(published)).contains(draft.path()).contains("/newsroom/notifications");

        assertThat(editor.post("/newsroom/articles/" + draft.id(), editorForm(draft, authorSlug, "correct",
                "An earlier version gave the rise as 5 per cent.")).status()).isEqualTo(302);
        MimeMessage corrected = Smtp.awaitMail(authorEmail, 2, WITHIN);
        assertThat(corrected.getSubject()).startsWith("A correction was added to your story");
        assertThat(Smtp.text(corrected)).contains("An earlier version gave the rise as 5 per cent.");

        assertThat(author.post("/newsroom/articles/" + draft.id(), editorForm(draft, authorSlug, "correct",
                "An earlier version misspelt the ferry's name.")).status()).isEqualTo(302);
        assertThat(queuedTo(authorEmail)).as("not for one's own correction").isEqualTo(2);

        Written own = story(this, "Harbour master retires").by(authorSlug).draft().write();
        assertThat(author.post("/newsroom/articles/" + own.id(), editorForm(own, authorSlug, "publish", ""))
                .status()).isEqualTo(302);
        assertThat(queuedTo(authorEmail)).as("not for publishing one's own story").isEqualTo(2);

        Written scheduled = story(this, "Night ferry timetable").by(authorSlug).draft().write();
        Map<String, String> schedule = editorFields(scheduled, authorSlug, "schedule", "");
        java.time.ZoneId zone = bean(news.dateline.platform.NewsroomTimes.class).zone();
        schedule.put("scheduleAt", java.time.LocalDateTime.ofInstant(bean(java.time.Clock.class).instant()
                .plus(Duration.ofHours(1)), zone).format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm")));
        assertThat(editor.post("/newsroom/articles/" + scheduled.id(), flat(schedule)).status()).isEqualTo(302);
        assertThat(queuedTo(authorEmail)).as("scheduling is not publishing").isEqualTo(2);
        bean(MovableClock.class).advance(Duration.ofHours(2));
        ArticleService articles = bean(ArticleService.class);
        assertThat(articles.publishIfDue(scheduled.id())).isTrue();
        assertThat(Smtp.awaitMail(authorEmail, 3, WITHIN).getSubject())
                .as("the scheduled publisher tells the author too").contains("Night ferry timetable");

        assertThat(author.post(NotificationSettingsController.PATH).status()).isEqualTo(303);
        assertThat(author.get(NotificationSettingsController.PATH).html().select("input#storyMail")
                .hasAttr("checked")).as("turned off").isFalse();
        assertThat(editor.post("/newsroom/articles/" + draft.id(), editorForm(draft, authorSlug, "correct",
                "An earlier version gave the wrong date.")).status()).isEqualTo(302);
        assertThat(queuedTo(authorEmail)).as("nothing once turned off").isEqualTo(3);
    }

    /** The editor's fields for the story as it is stored, with an action (and a correction note). */
    default Map<String, String> editorFields(Written story, String bylines, String action, String note) {
        Map<String, Object> row = bean(JdbcClient.class).sql("""
                        SELECT headline, standfirst, section_id, slug, body FROM article WHERE id = :id""")
                .param("id", story.id()).query().singleRow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", (String) row.get("headline"));
        fields.put("standfirst", (String) row.get("standfirst"));
        fields.put("section", row.get("section_id").toString());
        fields.put("slug", (String) row.get("slug"));
        fields.put("bylines", bylines);
        fields.put("tags", "");
        fields.put("body", (String) row.get("body"));
        fields.put("dateline", "");
        fields.put("source", "");
        fields.put("action", action);
        if (!note.isEmpty()) {
            fields.put("correctionNote", note);
        }
        return fields;
    }

    default String[] editorForm(Written story, String bylines, String action, String note) {
        return flat(editorFields(story, bylines, action, note));
    }

    static String[] flat(Map<String, String> fields) {
        return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    /** A new account of the role with a fresh address; the address. */
    default String staffWithEmail(String role, String name) {
        String username = TestAccounts.create(this, role);
        String email = Smtp.address(name);
        bean(JdbcClient.class).sql("UPDATE account SET email = :email WHERE username = :username")
                .param("email", email).param("username", username).update();
        return email;
    }

    default String usernameOf(String email) {
        return bean(JdbcClient.class).sql("SELECT username FROM account WHERE email = :email").param("email", email)
                .query(String.class).single();
    }

    /** Posts a comment and expects it published at once; its id. */
    default long publish(Written article, String text, String name, String email, Long parent, boolean notify) {
        Page sent = post(article, text, name, email, parent, notify);
        Matcher anchor = COMMENT_ANCHOR.matcher(sent.header("Location"));
        assertThat(anchor.find()).as("published at once: " + sent.header("Location")).isTrue();
        return Long.parseLong(anchor.group(1));
    }

    default Page post(Written article, String text, String name, String email, Long parent, boolean notify) {
        Page sent = site().postForm(article.path() + "/comments", fields(article, text, name, email, parent, notify),
                "X-Forwarded-For", someIp());
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        return sent;
    }

    /** The form's fields with the stamp of the article's page, sent a minute later by the site's clock. */
    default Map<String, String> fields(Written article, String text, String name, String email, Long parent,
            boolean notify) {
        String stamp = site().get(article.path() + "/comments").html().select("input[name=stamp]").val();
        bean(MovableClock.class).advance(Duration.ofMinutes(1));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("comment", text);
        fields.put("author", name);
        fields.put("email", email);
        fields.put("stamp", stamp);
        if (parent != null) {
            fields.put("parent", Long.toString(parent));
        }
        if (notify) {
            fields.put("notify_replies", "yes");
        }
        return fields;
    }

    /** A mail program's one-click unsubscribe: a POST with that body, no cookie, no Origin, no token. */
    default HttpResponse<String> oneClick(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(site().base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    default long queuedTo(String address) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to").param("to", address)
                .query(Long.class).single();
    }

    default boolean notifyFlag(long commentId) {
        return bean(JdbcClient.class).sql("SELECT notify_replies FROM comment WHERE id = :id").param("id", commentId)
                .query(Boolean.class).single();
    }

    default long idOf(String body) {
        return bean(JdbcClient.class).sql("SELECT id FROM comment WHERE body = :b").param("b", body)
                .query(Long.class).single();
    }

    default String stateOf(long id) {
        return bean(JdbcClient.class).sql("SELECT state FROM comment WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    /** A reader address no other in this run has (documentation range 198.51.100.0/24 and beyond). */
    static String someIp() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + (n >> 8 & 0x7f)) + "." + (n & 0xff);
    }
}
