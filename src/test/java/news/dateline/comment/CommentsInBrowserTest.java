package news.dateline.comment;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.moderation.ModerationService;
import news.dateline.support.Chromium;
import news.dateline.support.SqliteSite;
import news.dateline.support.StoryBuilder.Written;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Comments in a real Chromium: payloads stay text, and the form's own script checks the rules before sending. */
class CommentsInBrowserTest extends SqliteSite {

    /** Marks any call of a dialog function, even one a payload reached by a detour such as top["al"+"ert"]. */
    private static final String TRAP = """
            window.__xss = false;
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
              const original = window[name];
              window[name] = function () { window.__xss = true; return original.apply(window, arguments); };
            }""";

    @RegisterExtension
    static final Chromium.ForClass chromium = Chromium.forClass();

    /**
     * The page holds every payload as a comment, a name and a website. The Content-Security-Policy is bypassed,
     * so escaping alone must keep them inert.
     */
    @Test
    void noXssPayloadOpensADialogOrRunsAScriptInARealBrowser() {
        List<String> payloads = XssPayloads.load();
        Written article = story(this, "Payloads in a browser").write();
        long anyComment = storeEveryPayload(article, payloads);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            context.addInitScript(TRAP);
            Page page = context.newPage();
            List<String> dialogs = new CopyOnWriteArrayList<>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.type() + ": " + dialog.message());
                dialog.dismiss();
            });

            page.navigate("about:blank");
            page.evaluate("() => alert('harness check')");
            assertThat(dialogs).as("the trap catches a dialog").containsExactly("alert: harness check");
            assertThat(page.evaluate("() => window.__xss")).isEqualTo(true);
            dialogs.clear();

            for (String path : List.of(article.path(),
                    article.path() + "/comments?replyto=" + anyComment)) {
                String url = site().base() + path;
                page.navigate(url);
                page.waitForLoadState();
                page.mouse().wheel(0, 200_000);
                for (int i = 0; i < 5; i++) {
                    page.keyboard().press("Tab");
                }
                page.locator(".comment-author").first().hover();
                page.waitForTimeout(1000);

                assertThat(dialogs).as(path).isEmpty();
                assertThat(page.evaluate("() => window.__xss")).as(path).isEqualTo(false);
                assertThat(page.url()).as(path).startsWith(url.replaceAll("#.*", ""));
                assertThat(page.evaluate("""
                        () => [...document.querySelectorAll('*')]
                                 .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
                                 .length""")).as(path).isEqualTo(0);
                assertThat(page.evaluate("""
                        () => [...document.scripts].filter(s => s.type !== 'application/ld+json')
                                 .filter(s => !(s.src && new URL(s.src).pathname.startsWith('/assets/'))).length"""))
                        .as(path + ": no script but our own assets").isEqualTo(0);
                assertThat(page.evaluate("""
                        () => document.querySelectorAll('#comments iframe, #comments img, #comments svg, \
                        #comments object, #comments embed, #comments video, #comments style').length"""))
                        .as(path).isEqualTo(0);
            }
            assertThat(page.locator("li.comment").count()).isGreaterThan(0);
        }
    }

    @Test
    void theBrowserChecksTheFormsRulesBeforeSendingThenTheReaderSeesTheirCommentAwaitingModeration() {
        Written article = story(this, "Tram line extension approved").write();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            AtomicInteger posts = new AtomicInteger();
            page.onRequest(request -> {
                if (request.method().equals("POST")) {
                    posts.incrementAndGet();
                }
            });
            page.navigate(site().base() + article.path());

            page.click("#commentform button[type=submit]");
            assertThat(page.textContent("#comment-error")).isEqualTo("Please enter your comment!");
            assertThat(page.textContent("#author-error")).isEqualTo("Please enter your name here");
            assertThat(page.textContent("#email-error")).isEqualTo("You have entered an incorrect email address!");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("comment");

            page.fill("#comment", "Finally, a tram to the harbour.");
            page.fill("#author", "Jonas Berg");
            page.fill("#email", "jonas@");
            page.fill("#url", "javascript:alert(1)");
            page.click("#commentform button[type=submit]");
            assertThat(page.textContent("#comment-error")).isEmpty();
            assertThat(page.textContent("#email-error")).isEqualTo("You have entered an incorrect email address!");
            assertThat(page.textContent("#url-error")).startsWith("Please enter a website address");
            assertThat(posts).as("nothing sent while the form has mistakes").hasValue(0);

            page.fill("#email", "jonas@example.com");
            page.fill("#url", "https://jonas.example");
            page.click("#commentform button[type=submit]");
            page.waitForURL("**" + article.path() + "#respond");

            assertThat(posts).hasValue(1);
            assertThat(page.textContent("#respond .awaiting > p")).startsWith("Your comment is awaiting moderation.");
            assertThat(page.textContent("#respond .awaiting .comment-body")).contains("Finally, a tram to the harbour.");
            assertThat(page.inputValue("#author")).isEmpty();
        }
    }

    /**
     * A page from the cache is the same for every reader, so the server cannot fill in a returning commenter's
     * name: the form's script does, from the "Save my name…" cookie.
     */
    @Test
    void aRememberedCommenterFindsTheFormFilledInOnACachedPage() {
        Written first = story(this, "Night buses return to the old town").write();
        Written cached = story(this, "Bridge repairs finish a week early").write();
        site().get(cached.path());
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(site().base() + first.path());
            page.fill("#comment", "The last bus home matters.");
            page.fill("#author", "Åsa Lind");
            page.fill("#email", "asa@example.com");
            page.fill("#url", "https://asa.example");
            page.check("#remember");
            page.click("#commentform button[type=submit]");
            page.waitForURL("**" + first.path() + "#respond");
            // Without a comment waiting, this reader gets the cached page like everyone else.
            context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("dateline_pending"));

            var answer = page.navigate(site().base() + cached.path());

            assertThat(answer.headerValue("x-cache")).as("served from the page cache").isEqualTo("hit");
            assertThat(page.inputValue("#author")).isEqualTo("Åsa Lind");
            assertThat(page.inputValue("#email")).isEqualTo("asa@example.com");
            assertThat(page.inputValue("#url")).isEqualTo("https://asa.example");
            assertThat(page.isChecked("#remember")).isTrue();
            assertThat(page.inputValue("#comment")).isEmpty();
        }
    }

    /** Issue 19.3: the browser's own "Please fill out this field." used to stop the form before the server spoke. */
    @Test
    void withoutJavaScriptTheServerNamesEachMissingFieldAndKeepsWhatWasTyped() {
        Written article = story(this, "Harbour ferry timetable changes").write();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            AtomicInteger posts = new AtomicInteger();
            page.onRequest(request -> {
                if (request.method().equals("POST")) {
                    posts.incrementAndGet();
                }
            });
            page.navigate(site().base() + article.path());

            page.fill("#email", "ines@example.com");
            page.fill("#url", "https://ines.example");
            page.click("#commentform button[type=submit]");
            page.waitForLoadState();

            assertThat(posts).as("the form is sent, not held back by the browser").hasValue(1);
            assertThat(page.textContent("#comment-error")).isEqualTo("Please enter your comment!");
            assertThat(page.textContent("#author-error")).isEqualTo("Please enter your name here");
            assertThat(page.inputValue("#email")).isEqualTo("ines@example.com");
            assertThat(page.inputValue("#url")).isEqualTo("https://ines.example");

            page.fill("#comment", "The early boat matters to night-shift workers.");
            page.click("#commentform button[type=submit]");
            page.waitForLoadState();

            assertThat(posts).hasValue(2);
            assertThat(page.textContent("#comment-error")).isEmpty();
            assertThat(page.textContent("#author-error")).isEqualTo("Please enter your name here");
            assertThat(page.inputValue("#comment")).isEqualTo("The early boat matters to night-shift workers.");
            assertThat(page.inputValue("#email")).isEqualTo("ines@example.com");
        }
    }

    @Test
    void replyMovesTheFormUnderTheCommentAndCancelPutsItBack() {
        Written article = story(this, "Bridge repainting starts in spring").write();
        bean(ModerationService.class).setPolicy(article.id(), Moderation.OPEN, null);
        long parent = storeComment(article, "Which colour will it be?", "Marta", "");
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(site().base() + article.path());

            page.click("#comment-" + parent + " .reply-link");

            assertThat(page.locator("#comment-" + parent + " #commentform").count()).isEqualTo(1);
            assertThat(page.inputValue("#commentform input[name=parent]")).isEqualTo(Long.toString(parent));
            assertThat(page.textContent(".reply-to-name")).isEqualTo("Marta");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("comment");

            page.click(".cancel-reply");
            assertThat(page.locator("#comment-" + parent + " #commentform").count()).isZero();
            assertThat(page.inputValue("#commentform input[name=parent]")).isEmpty();
            assertThat(page.isVisible(".reply-to")).isFalse();
        }
    }

    /** Every payload stored as the form would store it; returns the id of one comment. */
    private long storeEveryPayload(Written article, List<String> payloads) {
        bean(ModerationService.class).setPolicy(article.id(), Moderation.OPEN, null);
        List<Long> ids = new ArrayList<>();
        for (List<String> batch : XssPayloads.batches(payloads, XssJourney.BATCH_CHARS)) {
            ids.add(storeComment(article, String.join(XssPayloads.SEPARATOR, batch), "Batch", ""));
        }
        CommentValidator validator = bean(CommentValidator.class);
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String website = XssPayloads.asWebsite(payload);
            CommentForm form = new CommentForm("x", payload, "a@example.com", website, "", false, "", "");
            var errors = validator.check(form);
            ids.add(storeComment(article, "Identity " + i,
                    errors.containsKey(CommentForm.NAME) ? "Long name " + i : payload,
                    errors.containsKey(CommentForm.WEBSITE) ? "" : website));
        }
        return ids.get(payloads.size() / 2);
    }

    private long storeComment(Written article, String body, String name, String website) {
        Discussion discussion = bean(CommentRepository.class).findDiscussion(article.id()).orElseThrow();
        CommentForm form = new CommentForm(body, name, "browser" + System.nanoTime() + "@example.com", website, "",
                false, "", "");
        var outcome = bean(CommentService.class).submit(discussion, form, new Visitor("192.0.2.9", "test", null),
                Optional.of(Duration.ofMinutes(1)));
        assertThat(outcome).isInstanceOf(CommentService.Outcome.Stored.class);
        long id = ((CommentService.Outcome.Stored) outcome).id();
        if (((CommentService.Outcome.Stored) outcome).state() != CommentState.APPROVED) {
            bean(ModerationService.class).approve(id);
        }
        return id;
    }
}
