package news.dateline.notify;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.comment.Moderation;
import news.dateline.moderation.ModerationService;
import news.dateline.support.MovableClock;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.Smtp;
import news.dateline.support.StoryBuilder.Written;
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
