package news.dateline.comment;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.dateline.comment.Reader.Fields;
import news.dateline.moderation.ModerationService;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every payload of ../shared/testdata/payloads/xss-all.txt as a comment, a name and a website. Comment texts go
 * through the real form in batches (one paragraph a payload); names and websites, one comment each, are stored
 * through the same service the form uses, after the same validation. Then the real article page must show every
 * payload as text and nothing else. Payloads the rules refuse (every name over the length limit, and one payload in
 * twenty raw as a website, which is not an http(s) address) are posted through the form and must come back, kept
 * and inert, in the form.
 */
final class XssJourney {

    static final int BATCH_CHARS = 9_000;
    /** Every how many payloads one is also posted raw as a website, to come back refused in the form. */
    static final int REFUSED_SAMPLE = 20;

    private final RunningSite site;
    private final CommentJourneys journeys;
    private final Reader browser;

    XssJourney(CommentJourneys journeys) {
        this.site = journeys;
        this.journeys = journeys;
        this.browser = journeys.reader();
    }

    void run() {
        List<String> payloads = XssPayloads.load();
        Written article = story(site, "Payloads from strangers").write();
        journeys.policy(article, Moderation.OPEN);

        List<List<String>> batches = XssPayloads.batches(payloads, BATCH_CHARS);
        List<String> bodies = batches.stream().map(b -> String.join(XssPayloads.SEPARATOR, b)).toList();
        for (String body : bodies) {
            Page sent = browser.from(Reader.someIp()).post(journeys.comments(article),
                    Fields.comment(body).by("Batch sender", journeys.email()).stamp(journeys.agedStamp(article)).map());
            assertThat(sent.status()).as("batch posted").isEqualTo(303);
        }
        approveWaiting(article); // batches with many URLs in them wait for a moderator, as they should
        List<String> refusedNames = new ArrayList<>();
        List<String> refusedWebsites = new ArrayList<>();
        List<String[]> identities = storeNamesAndWebsites(article, payloads, refusedNames, refusedWebsites);

        assertThat(storedColumn(article, "body")).as("comment texts stored as sent").containsAll(bodies);
        assertThat(new HashSet<>(storedColumn(article, "author_name")))
                .containsAll(identities.stream().map(i -> i[0]).toList());
        assertThat(new HashSet<>(storedColumn(article, "author_url")))
                .containsAll(identities.stream().map(i -> i[1]).toList());
        Document page = site.site().get(article.path()).html();
        XssPayloads.assertInert(page, page.selectFirst("script[src]").attr("src"));
        assertRendered(page, batches, identities);
        for (String name : refusedNames) {
            assertKeptAndInert(article, Fields.comment("Name too long").by(name, journeys.email()), "#author", name);
        }
        for (String website : refusedWebsites) {
            assertKeptAndInert(article, Fields.comment("Website refused").by("Web", journeys.email()).website(website),
                    "#url", website);
        }
    }

    /** One comment per payload, name = payload, website = payload inside an https address; returns what was stored. */
    private List<String[]> storeNamesAndWebsites(Written article, List<String> payloads, List<String> refusedNames,
            List<String> refusedWebsites) {
        CommentValidator validator = site.bean(CommentValidator.class);
        CommentService service = site.bean(CommentService.class);
        Discussion discussion = site.bean(CommentRepository.class).findDiscussion(article.id()).orElseThrow();
        List<String[]> stored = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            CommentForm form = new CommentForm("Identity " + i, payload, journeys.email(),
                    XssPayloads.asWebsite(payload), "", false, "", "");
            Map<String, String> errors = validator.check(form);
            if (errors.containsKey(CommentForm.NAME)) {
                assertThat(errors.get(CommentForm.NAME)).isEqualTo("Please keep your name to 245 characters.");
                refusedNames.add(payload);
                form = new CommentForm(form.comment(), "Long payload " + i, form.email(), form.website(), "", false,
                        "", "");
                errors = validator.check(form);
            }
            if (errors.containsKey(CommentForm.WEBSITE)) {
                assertThat(XssPayloads.asWebsite(payload).length()).isGreaterThan(CommentValidator.MAX_WEBSITE_LENGTH);
                form = new CommentForm(form.comment(), form.name(), form.email(), "", "", false, "", "");
                errors = validator.check(form);
            }
            assertThat(errors).as("payload %d", i).isEmpty();
            var outcome = service.submit(discussion, form, new Visitor("192.0.2.1", "xss-test", null),
                    Optional.of(Duration.ofMinutes(1)));
            assertThat(outcome).isInstanceOf(CommentService.Outcome.Stored.class);
            stored.add(new String[] {form.trimmedName(), form.trimmedWebsite(), form.comment()});
            // Raw, a payload is not an http(s) address: the form must refuse it and hand it back intact. The form
            // page puts it in the same attribute context as the stored address above, so a sample does.
            if (i % REFUSED_SAMPLE == 0 && !CommentValidator.WEBSITE.matcher(payload.strip()).matches()) {
                refusedWebsites.add(payload);
            }
        }
        return stored;
    }

    private void assertRendered(Document page, List<List<String>> batches, List<String[]> identities) {
        Set<List<String>> shownBodies = new HashSet<>();
        Map<String, Element> byText = new java.util.HashMap<>();
        for (Element comment : page.select("li.comment")) {
            Element body = comment.selectFirst(".comment-body");
            List<String> paragraphs = body.select("p").eachText();
            shownBodies.add(paragraphs);
            byText.put(body.text(), comment);
        }
        for (List<String> batch : batches) {
            List<String> expected = batch.stream().map(XssPayloads::normalised).filter(s -> !s.isEmpty()).toList();
            assertThat(shownBodies).as("a batch shown as text, one paragraph a payload").contains(expected);
        }
        for (String[] identity : identities) {
            Element comment = byText.get(identity[2]);
            assertThat(comment).as(identity[2]).isNotNull();
            Element author = comment.selectFirst(".comment-author");
            assertThat(author.text()).isEqualTo(XssPayloads.normalised(identity[0]));
            if (!identity[1].isEmpty()) {
                assertThat(author.selectFirst("a").attr("href")).isEqualTo(identity[1]);
            }
        }
    }

    private void assertKeptAndInert(Written article, Fields fields, String field, String payload) {
        Page refused = browser.from(Reader.someIp()).post(journeys.comments(article), fields.stamp(journeys.agedStamp(article)).map());
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.html();
        assertThat(page.selectFirst(field).val()).isEqualTo(payload);
        XssPayloads.assertInert(page, page.selectFirst("script[src]").attr("src"));
    }

    private void approveWaiting(Written article) {
        ModerationService moderation = site.bean(ModerationService.class);
        site.bean(JdbcClient.class).sql("SELECT id FROM comment WHERE article_id = :a AND state = 'pending'")
                .param("a", article.id()).query(Long.class).list()
                .forEach(moderation::approve);
    }

    private List<String> storedColumn(Written article, String column) {
        return site.bean(JdbcClient.class)
                .sql("SELECT " + column + " FROM comment WHERE article_id = :a ORDER BY id")
                .param("a", article.id()).query(String.class).list();
    }
}
