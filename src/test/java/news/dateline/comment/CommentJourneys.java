package news.dateline.comment;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.dateline.comment.Newsroom.Answer;
import news.dateline.comment.Reader.Fields;
import news.dateline.moderation.ModerationService;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.change.CommentsChanged;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import tools.jackson.databind.JsonNode;

/**
 * What readers and moderators do with comments, through the running server, on each database (see the classes
 * implementing this). Every reader has an address of their own, so the per-address rate limit (10 a minute by
 * default) only meets the test that is about it.
 */
interface CommentJourneys extends RunningSite {

    AtomicInteger EMAILS = new AtomicInteger();
    Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");

    @Test
    default void eachValidationMessageAppearsBesideItsFieldWithEverythingTypedKept() {
        Written article = story(this, "Council votes on the harbour bridge").write();
        Reader reader = reader();

        Page mistakes = reader.post(comments(article), Fields.comment("  ").by("", "not-an-email")
                .website("ftp://files.example.com/plans").stamp(agedStamp(article)).map());

        assertThat(mistakes.status()).isEqualTo(422);
        Document page = mistakes.html();
        assertThat(page.select("header.masthead")).hasSize(1);
        assertThat(page.select(".form-error").first().text()).isEqualTo(CommentMessages.FIX_BELOW);
        assertThat(page.select("#comment-error").text()).isEqualTo("Please enter your comment!");
        assertThat(page.select("#author-error").text()).isEqualTo("Please enter your name here");
        assertThat(page.select("#email-error").text()).isEqualTo("You have entered an incorrect email address!");
        assertThat(page.select("#url-error").text())
                .isEqualTo("Please enter a website address that starts with http:// or https://, or leave the field empty.");
        assertThat(page.select("#email").val()).isEqualTo("not-an-email");
        assertThat(page.select("#url").val()).isEqualTo("ftp://files.example.com/plans");
        assertThat(page.select("#comment").attr("aria-invalid")).isEqualTo("true");

        String essay = "Çà et là, the bridge debate went on.\n\n".repeat(300);
        Page tooLong = reader.post(comments(article), Fields.comment(essay).by("Mira Okafor", "mira@example.com")
                .website("https://mira.example/blog").stamp(agedStamp(article)).map());

        assertThat(tooLong.status()).isEqualTo(422);
        Document again = tooLong.html();
        assertThat(again.select("#comment-error").text()).isEqualTo(
                "Your comment is too long: please keep it to 10,000 characters (it has 11,398).");
        assertThat(textareaValue(again)).isEqualTo(essay);
        assertThat(again.select("#author").val()).isEqualTo("Mira Okafor");
        assertThat(again.select("#email").val()).isEqualTo("mira@example.com");
        assertThat(again.select("#url").val()).isEqualTo("https://mira.example/blog");
        assertThat(again.select("#author-error, #email-error, #url-error").eachText()).isEmpty();
        assertThat(stored(article)).isZero();
    }

    @Test
    default void aPostLargerThanAnyCommentIsAnsweredWithAPageSayingSo() {
        Written article = story(this, "Night buses return to the old routes").write();

        Page tooLarge = reader().post(comments(article), Fields.comment("x".repeat(300 * 1024)).by("Big", email())
                .stamp(agedStamp(article)).map());

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.html().select("header.masthead")).hasSize(1);
        assertThat(tooLarge.html().select(".notice").text())
                .isEqualTo("That was more than a comment can hold (over 256 KB). Please shorten it and try again.");
        assertThat(tooLarge.html().select("#commentform")).hasSize(1);
        assertThat(stored(article)).isZero();
    }

    @Test
    default void aHeldCommentIsSeenOnlyByItsAuthorUntilApprovedThenByEveryoneInTheCount() {
        Written article = story(this, "Ferry timetable changes from Monday").write();
        policy(article, Moderation.HELD);
        long publicChanges = changeLogRows(article, "comment");
        Reader author = reader();
        Reader stranger = reader();
        String text = "The 7:40 ferry was the only one that got me to work on time.\n\nPlease keep it!";

        Page sent = author.post(comments(article), Fields.comment(text).by("Ada Lind", email()).stamp(agedStamp(article)).map());

        assertThat(sent.status()).isEqualTo(303);
        assertThat(changeLogRows(article, "comment")).as("a held comment changes nothing public").isEqualTo(publicChanges);
        assertThat(sent.header("Location")).endsWith(article.path() + "#respond");
        assertThat(author.cookie(CommenterCookies.PENDING)).isPresent();
        Document mine = author.get(article.path()).html();
        assertThat(mine.select("#respond .awaiting > p").text()).startsWith("Your comment is awaiting moderation.");
        assertThat(mine.select("#respond .awaiting .comment-body p").eachText())
                .containsExactly("The 7:40 ferry was the only one that got me to work on time.", "Please keep it!");
        assertThat(mine.select("#comments-heading").text()).isEqualTo("Comments");
        Page anonymous = stranger.get(article.path());
        assertThat(anonymous.body()).doesNotContain("The 7:40 ferry");
        assertThat(anonymous.html().select(".awaiting, .comment")).isEmpty();
        assertThat(anonymous.header("Set-Cookie")).isNull();

        Newsroom editor = Newsroom.signIn(site(), TestAccounts.create(this, "editor"));
        JsonNode queued = findIn(editor.get("/api/v1/comments?state=pending&limit=200"), text);
        List<Long> committed = new CopyOnWriteArrayList<>();
        var listener = TransactionalApplicationListener.<CommentsChanged>forPayload(TransactionPhase.AFTER_COMMIT,
                event -> committed.add(event.articleId()));
        bean(ApplicationEventMulticaster.class).addApplicationListener(listener);
        Answer approved;
        try {
            approved = editor.post("/api/v1/comments/" + queued.get("id").asLong() + "/approve");
        } finally {
            bean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        }

        assertThat(approved.status()).isEqualTo(200);
        assertThat(committed).as("CommentsChanged after commit").contains(article.id());
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        Document everyone = stranger.get(article.path()).html();
        assertThat(everyone.select("#comments-heading").text()).isEqualTo("1 Comment");
        assertThat(everyone.select("#comment-" + queued.get("id").asLong() + " .comment-author").text())
                .isEqualTo("Ada Lind");
        assertThat(everyone.select(".comment-body p").eachText()).contains("Please keep it!");
        assertThat(everyone.text()).doesNotContain(queued.get("authorEmail").asString());
        Document mineNow = author.get(article.path()).html();
        assertThat(mineNow.select(".awaiting")).isEmpty();
        assertThat(mineNow.select("#comments-heading").text()).as("the page everyone gets, from the cache")
                .isEqualTo("1 Comment");
        assertThat(changeLogRows(article, "comment")).isEqualTo(publicChanges + 1);
    }

    @Test
    default void aReplyNestsUnderItsParentDownToTheConfiguredDepth() {
        Written article = story(this, "Lighthouse keeper retires after forty years").write();
        policy(article, Moderation.OPEN);
        Reader reader = reader();

        long first = published(reader, article, Fields.comment("Congratulations, Mr Hale!").by("Tomas", email()));
        long second = published(reader, article, Fields.comment("He rescued my grandfather in 1987.")
                .by("Ines", email()).replyingTo(first));
        long third = published(reader, article, Fields.comment("What a story.").by("Ola", email()).replyingTo(second));
        long fourth = published(reader, article, Fields.comment("Agreed!").by("Pia", email()).replyingTo(third));

        Document page = site().get(article.path()).html();
        assertThat(page.select("#comments-heading").text()).isEqualTo("4 Comments");
        assertThat(page.select("#comment-" + first + " > .comment-replies > #comment-" + second)).hasSize(1);
        assertThat(page.select("#comment-" + second + " > .comment-replies > #comment-" + third)).hasSize(1);
        assertThat(page.select("#comment-" + second + " > .comment-replies > #comment-" + fourth))
                .as("depth 3 is as deep as it goes: the answer to the third stands beside it").hasSize(1);
        assertThat(page.select("#comment-" + third + " .reply-link")).isEmpty();
        assertThat(page.select("#comment-" + first + " > .comment-card .reply-link").attr("href"))
                .isEqualTo(comments(article) + "?replyto=" + first + "#respond");

        Document replyPage = reader.get(comments(article) + "?replyto=" + second).html();
        assertThat(replyPage.select("h1").text()).isEqualTo("Reply to Ines");
        assertThat(replyPage.select(".replying-to .comment-body").text()).isEqualTo("He rescued my grandfather in 1987.");
        assertThat(replyPage.select("#commentform input[name=parent]").val()).isEqualTo(Long.toString(second));
    }

    @Test
    default void aClosedArticleRefusesWithAClearMessageAndStoresNothing() {
        Written closed = story(this, "Election results: final count").write();
        policy(closed, Moderation.CLOSED);
        Written old = story(this, "Last month's flood warning").publishedAt(Instant.now().minus(Duration.ofDays(40)))
                .write();
        bean(ModerationService.class).setPolicy(old.id(), null, 30);

        for (Written article : List.of(closed, old)) {
            Document page = site().get(article.path()).html();
            assertThat(page.select("#respond .comments-closed").text()).isEqualTo("Comments are closed.");
            assertThat(page.select("#commentform")).isEmpty();

            String text = "I still want to say this about " + article.headline();
            Page refused = reader().post(comments(article),
                    Fields.comment(text).by("Late Reader", email()).stamp(agedStamp(article)).map());

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.html().select(".notice").text()).isEqualTo("Comments are closed.");
            assertThat(refused.html().select("#kept-text").first().wholeText().strip()).isEqualTo(text);
            assertThat(stored(article)).isZero();
        }
    }

    /**
     * Issue 20: the comment POST keeps what it read of an article (where it is published, its rules) until a recorded
     * change; each change reaches the very next comment.
     */
    @Test
    default void closingThenUnpublishingAnArticleReachesTheVeryNextComment() {
        Written article = story(this, "Harbour bridge reopens after repairs").write();
        policy(article, Moderation.OPEN);
        published(reader(), article, Fields.comment("Finally open again.").by("Ada", email()));

        policy(article, Moderation.CLOSED);
        Page closed = reader().post(comments(article),
                Fields.comment("One more thing about the bridge.").by("Ada", email()).stamp(agedStamp(article)).map());
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.html().select(".notice").text()).isEqualTo("Comments are closed.");

        policy(article, Moderation.OPEN);
        published(reader(), article, Fields.comment("Open again, so here it is.").by("Ada", email()));
        news.dateline.support.StoryEdits.unpublish(this, article.id());
        Page gone = reader().post(comments(article),
                Fields.comment("Where did the story go?").by("Ada", email()).stamp(agedStamp(article)).map());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(stored(article)).isEqualTo(2);
    }

    /** Issue 16: the comment defaults an admin sets in the settings; a story's own rules still win. */
    @Test
    default void anAdminClosesCommentsByDefaultAndANewStoryShowsNoFormAndRefusesAPost() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        try {
            assertThat(commentDefaults(admin, "closed", "first-time", "0").status()).isEqualTo(303);
            Written story = story(this, "Harbour dues rise by a third").write();
            Written ownRules = story(this, "Readers' letters: the harbour dues").write();
            policy(ownRules, Moderation.OPEN);

            Document page = site().get(story.path()).html();
            assertThat(page.select("#respond .comments-closed").text()).isEqualTo("Comments are closed.");
            assertThat(page.select("#commentform")).isEmpty();
            String text = "A third! Who decided this?";
            Page refused = reader().post(comments(story),
                    Fields.comment(text).by("Harbour Reader", email()).stamp(agedStamp(story)).map());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.html().select(".notice").text()).isEqualTo("Comments are closed.");
            assertThat(refused.html().select("#kept-text").first().wholeText().strip()).isEqualTo(text);
            assertThat(stored(story)).isZero();

            assertThat(site().get(ownRules.path()).html().select("#commentform")).as("a story's own rules win")
                    .hasSize(1);
            published(reader(), ownRules, Fields.comment("Print mine, please.").by("Letter Writer", email()));
            assertThat(admin.get("/newsroom/settings").html().select("#comments option[selected]").val())
                    .isEqualTo("closed");
            assertThat(admin.get("/newsroom/articles/" + story.id()).html().select("#commentModeration option[value='']")
                    .text()).as("the editor names the default in force").isEqualTo("The site's default (closed)");
        } finally {
            commentDefaults(admin, "", "", "");
        }
    }

    @Test
    default void withHoldAllByDefaultAReadersCommentWaitsForApproval() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        Reader reader = reader();
        String email = email();
        try {
            assertThat(commentDefaults(admin, "open", "open", "0").status()).isEqualTo(303);
            Written story = story(this, "New pontoon opens at the marina").write();
            published(reader, story, Fields.comment("About time, it looks great.").by("Marina Regular", email));

            assertThat(commentDefaults(admin, "open", "held", "0").status()).isEqualTo(303);
            String text = "Will it be lit at night?";
            Page sent = reader.post(comments(story), Fields.comment(text).by("Marina Regular", email)
                    .stamp(agedStamp(story)).map());

            assertThat(sent.status()).isEqualTo(303);
            assertThat(sent.header("Location")).endsWith(story.path() + "#respond");
            assertThat(reader.get(story.path()).html().select("#respond .awaiting > p").text())
                    .startsWith("Your comment is awaiting moderation.");
            assertThat(site().get(story.path()).body()).doesNotContain(text);
            assertThat(stateOf(text)).isEqualTo("pending");
        } finally {
            commentDefaults(admin, "", "", "");
        }
    }

    @Test
    default void commentsCloseByDefaultTheChosenNumberOfDaysAfterPublication() {
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        Instant now = bean(Clock.class).instant();
        try {
            assertThat(commentDefaults(admin, "open", "open", "7").status()).isEqualTo(303);
            Written lastWeek = story(this, "Regatta results from last week").publishedAt(now.minus(Duration.ofDays(8)))
                    .write();
            Written yesterday = story(this, "Regatta prize giving").publishedAt(now.minus(Duration.ofDays(1))).write();

            assertThat(site().get(lastWeek.path()).html().select("#respond .comments-closed").text())
                    .isEqualTo("Comments are closed.");
            assertThat(site().get(yesterday.path()).html().select("#commentform")).hasSize(1);
        } finally {
            commentDefaults(admin, "", "", "");
        }
    }

    /** Saves the shipped site settings with these comment defaults ("" for each: none saved, the properties'). */
    default Page commentDefaults(NewsroomForms admin, String comments, String moderation, String closeAfterDays) {
        SiteProperties shipped = bean(SiteProperties.class);
        return admin.post("/newsroom/settings", "name", shipped.name(), "tagline", shipped.tagline(),
                "language", shipped.language(), "time-zone", shipped.timeZone().getId(), "comments", comments,
                "comment-moderation", moderation, "comment-close-after-days", closeAfterDays);
    }

    @Test
    default void aFloodFromOneAddressIsAnswered429WithAFriendlyPageThatKeepsTheText() {
        Written article = story(this, "Transit strike called off").write();
        Reader flooder = reader();
        for (int i = 0; i < 10; i++) {
            assertThat(flooder.post(comments(article), Fields.comment("Attempt " + i).by("", email()).map()).status())
                    .isEqualTo(422);
        }

        Page limited = flooder.post(comments(article),
                Fields.comment("My eleventh try, with something worth keeping.").by("Rui", email()).stamp(agedStamp(article))
                        .map());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 3600);
        Document page = limited.html();
        assertThat(page.select("header.masthead")).hasSize(1);
        assertThat(page.select(".notice").text()).startsWith("You’re commenting faster than we can read.");
        assertThat(textareaValue(page)).isEqualTo("My eleventh try, with something worth keeping.");
        assertThat(page.select("#author").val()).isEqualTo("Rui");
        assertThat(stored(article)).isZero();
        assertThat(reader().post(comments(article), Fields.comment("Someone else may still comment.")
                .by("Sol", email()).stamp(agedStamp(article)).map()).status()).isEqualTo(303);
    }

    @Test
    default void aStampFromAnotherArticleIsRefusedAndTheFormComesBackWithTheTextAndAFreshStamp() {
        Written first = story(this, "Library extends its opening hours").write();
        Written second = story(this, "Library card fees abolished").write();
        policy(second, Moderation.OPEN);
        String stampOfFirst = site().get(first.path()).html().select("input[name=stamp]").attr("value");
        Reader reader = reader();

        Page refused = reader.post(comments(second), Fields.comment("Great news for students.").by("Ines", email())
                .stamp(stampOfFirst).map());

        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.html();
        assertThat(page.select(".notice").text()).isEqualTo(CommentMessages.STAMP_OTHER_ARTICLE);
        assertThat(textareaValue(page)).isEqualTo("Great news for students.");
        assertThat(page.select("#author").val()).isEqualTo("Ines");
        String fresh = page.select("input[name=stamp]").attr("value");
        assertThat(fresh).startsWith(second.id() + ".").isNotEqualTo(stampOfFirst);
        assertThat(stored(second)).isZero();
        assertThat(stored(first)).isZero();

        Page again = reader.post(comments(second), Fields.comment("Great news for students.").by("Ines", email())
                .stamp(fresh).map());
        assertThat(again.status()).as("sent again with the fresh stamp").isEqualTo(303);
        assertThat(stored(second)).isEqualTo(1);
    }

    @Test
    default void aStampOlderThanADayIsRefusedAndTheFormAsksToSendAgainWithAFreshStamp() {
        Written article = story(this, "Tram line six closes for a month").write();
        policy(article, Moderation.OPEN);
        Instant now = bean(Clock.class).instant();
        FormStamp stamps = bean(FormStamp.class);

        Page refused = reader().post(comments(article), Fields.comment("Kept open since yesterday.").by("Lou", email())
                .stamp(stamps.stampFor(article.id(), now.minus(Duration.ofHours(24)).minusSeconds(60))).map());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select(".notice").text()).isEqualTo(CommentMessages.STAMP_EXPIRED);
        assertThat(textareaValue(refused.html())).isEqualTo("Kept open since yesterday.");
        String fresh = refused.html().select("input[name=stamp]").attr("value");
        assertThat(stamps.age(fresh, article.id())).as("a fresh stamp").get()
                .satisfies(age -> assertThat(age).isLessThan(Duration.ofMinutes(1)));
        assertThat(stored(article)).isZero();

        assertThat(reader().post(comments(article), Fields.comment("Open for most of a day.").by("Lou", email())
                .stamp(stamps.stampFor(article.id(), now.minus(Duration.ofHours(23)))).map()).status())
                .as("a stamp within its day").isEqualTo(303);
        assertThat(stored(article)).isEqualTo(1);
    }

    @Test
    default void aCommentPostedFromAnotherSiteIsRefusedAndKeptForTheReader() {
        Written article = story(this, "Museum reopens its maritime wing").write();
        Map<String, String> fields = Fields.comment("Lovely news about the museum.").by("Noor", email())
                .stamp(agedStamp(article)).map();

        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"), Map.of("Referer", "https://evil.example" + article.path()))) {
            Page refused = reader().post(comments(article), fields, headers);
            assertThat(refused.status()).as(headers.toString()).isEqualTo(403);
            assertThat(refused.html().select(".notice").text()).as(headers.toString())
                    .startsWith("For your safety we only take comments sent from this site’s own pages.");
            assertThat(textareaValue(refused.html())).isEqualTo("Lovely news about the museum.");
        }
        assertThat(stored(article)).isZero();

        Page fromOurPage = reader().post(comments(article), fields, Map.of("Referer", site().base() + article.path()));
        assertThat(fromOurPage.status()).isEqualTo(303);
        assertThat(stored(article)).isEqualTo(1);
    }

    @Test
    default void spamRulesHoldOrFileSuspectCommentsAndTrustApprovedCommenters() {
        Written article = story(this, "City budget adds two new libraries").write();
        String regular = email();

        reader().post(comments(article), Fields.comment("Cheap watches here").by("Bot", email())
                .with("fax_number", "+1 555 0100").stamp(agedStamp(article)).map());
        assertThat(stateOf("Cheap watches here")).isEqualTo("spam");
        reader().post(comments(article), Fields.comment("Typed in a flash").by("Quick", email())
                .stamp(bean(FormStamp.class).issue(article.id())).map());
        assertThat(stateOf("Typed in a flash")).isEqualTo("pending");
        assertThat(reasonOf("Typed in a flash")).contains("ms after the form was shown");
        reader().post(comments(article), Fields.comment("See http://a.example http://b.example http://c.example")
                .by("Linker", email()).stamp(agedStamp(article)).map());
        assertThat(reasonOf("See http://a.example")).isEqualTo("3 links (more than 2)");

        reader().post(comments(article), Fields.comment("First time here.").by("Regular", regular).stamp(agedStamp(article)).map());
        assertThat(stateOf("First time here.")).isEqualTo("pending");
        bean(ModerationService.class).approve(idOf("First time here."));
        Page trusted = reader().post(comments(article),
                Fields.comment("Back again, and trusted now.").by("Regular", regular).stamp(agedStamp(article)).map());
        assertThat(trusted.header("Location")).matches(".*#comment-\\d+$");
        assertThat(stateOf("Back again, and trusted now.")).isEqualTo("approved");

        Page duplicate = reader().post(comments(article),
                Fields.comment("Back again, and  trusted now. ").by("Regular", regular).stamp(agedStamp(article)).map());
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.html().select(".notice").text()).startsWith("It looks as though you’ve already said that!");
        assertThat(textareaValue(duplicate.html())).isEqualTo("Back again, and  trusted now. ");

        String spammer = email();
        reader().post(comments(article), Fields.comment("Buy followers now").by("Promo", spammer).stamp(agedStamp(article)).map());
        bean(ModerationService.class).markSpam(idOf("Buy followers now"));
        reader().post(comments(article), Fields.comment("Totally innocent words").by("Promo", spammer)
                .stamp(agedStamp(article)).map());
        assertThat(stateOf("Totally innocent words")).isEqualTo("spam");
    }

    @Test
    default void savedNameAndEmailFillTheFormOnTheNextVisitUntilTheReaderUnticksTheBox() {
        Written article = story(this, "Marathon route announced").write();
        policy(article, Moderation.OPEN);
        Reader reader = reader();
        String address = email();

        Page sent = reader.post(comments(article), Fields.comment("I'll be running!").by("Kai", address)
                .website("https://kai.example").remember().stamp(agedStamp(article)).map());

        assertThat(sent.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(CommenterCookies.COMMENTER + "=")
                        .doesNotContain("HttpOnly").contains("SameSite=Lax").contains("Path=/"));
        Document next = reader.get(article.path()).html();
        assertThat(next.select("#author").val()).isEqualTo("Kai");
        assertThat(next.select("#email").val()).isEqualTo(address);
        assertThat(next.select("#url").val()).isEqualTo("https://kai.example");
        assertThat(next.select("#remember").hasAttr("checked")).isTrue();
        assertThat(site().get(article.path()).html().select("#author").val()).isEmpty();

        reader.post(comments(article), Fields.comment("Training starts today.").by("Kai", address).stamp(agedStamp(article)).map());
        assertThat(reader.cookie(CommenterCookies.COMMENTER)).isEmpty();
        assertThat(reader.get(article.path()).html().select("#author").val()).isEmpty();
    }

    @Test
    default void editorsModerateThroughTheJsonApiAndOthersMayNot() {
        Written article = story(this, "Harbour festival returns").write();
        Reader reader = reader();
        reader.post(comments(article), Fields.comment("Can't wait for the fireworks.").by("Lea", email())
                .stamp(agedStamp(article)).map());
        long id = idOf("Can't wait for the fireworks.");

        Answer stranger = Newsroom.anonymous(site()).get("/api/v1/comments");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.json().get("detail").asString()).isEqualTo("Sign in to the newsroom first");
        Answer author = Newsroom.signIn(site(), TestAccounts.create(this, "author")).get("/api/v1/comments");
        assertThat(author.status()).isEqualTo(403);
        assertThat(author.json().get("detail").asString()).isEqualTo("Your role may not do this");

        Newsroom editor = Newsroom.signIn(site(), TestAccounts.create(this, "editor"));
        Answer forged = editor.postWithoutCsrf("/api/v1/comments/" + id + "/approve");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).startsWith("Missing or invalid CSRF token");
        assertThat(stateOf("Can't wait for the fireworks.")).isEqualTo("pending");

        assertThat(editor.post("/api/v1/comments/" + id + "/spam").json().get("state").asString()).isEqualTo("spam");
        assertThat(findIn(editor.get("/api/v1/comments?state=spam&limit=200"), "Can't wait for the fireworks."))
                .isNotNull();
        assertThat(editor.post("/api/v1/comments/" + id + "/restore").json().get("state").asString()).isEqualTo("pending");
        assertThat(editor.post("/api/v1/comments/" + id + "/approve").json().get("state").asString()).isEqualTo("approved");
        Answer edited = editor.patch("/api/v1/comments/" + id, "{\"body\": \"Can't wait for the fireworks! (edited)\"}");
        assertThat(edited.json().get("body").asString()).isEqualTo("Can't wait for the fireworks! (edited)");
        Answer invalid = editor.patch("/api/v1/comments/" + id, "{\"body\": \" \", \"authorUrl\": \"javascript:x\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get("body").asString()).isEqualTo("Please enter your comment!");
        assertThat(invalid.json().get("errors").get("authorUrl").asString()).startsWith("Please enter a website");

        Answer reply = editor.post("/api/v1/comments/" + id + "/replies", "{\"body\": \"See you at the pier!\"}");
        assertThat(reply.status()).isEqualTo(201);
        long replyId = reply.json().get("id").asLong();
        Document page = site().get(article.path()).html();
        assertThat(page.select("#comment-" + id + " .comment-body").first().text())
                .isEqualTo("Can't wait for the fireworks! (edited)");
        assertThat(page.select("#comment-" + id + " > .comment-replies > #comment-" + replyId + " .staff-badge").text())
                .isEqualTo("Staff");

        assertThat(editor.post("/api/v1/comments/" + id + "/trash").json().get("state").asString()).isEqualTo("trash");
        assertThat(site().get(article.path()).html().select("#comment-" + id)).isEmpty();
        assertThat(editor.post("/api/v1/comments/" + id + "/restore").json().get("state").asString()).isEqualTo("approved");
        assertThat(site().get(article.path()).html().select("#comment-" + id)).hasSize(1);
        assertThat(changeLogRows(article, "comment")).as("approve, edit, reply, trash, restore").isEqualTo(5);

        assertThat(editor.get("/api/v1/comments?state=lost").json().get("detail").asString())
                .isEqualTo("Unknown state 'lost': use pending, approved, spam or trash");
        assertThat(editor.post("/api/v1/comments/999999999/approve").status()).isEqualTo(404);
        assertThat(editor.post("/api/v1/comments/" + id + "/approve").status()).isEqualTo(409);
        Answer policy = editor.put("/api/v1/comments/articles/" + article.id() + "/policy", "{\"moderation\": \"closed\"}");
        assertThat(policy.status()).isEqualTo(200);
        assertThat(site().get(article.path()).html().select(".comments-closed").text()).isEqualTo("Comments are closed.");
    }

    @Test
    default void everyXssPayloadIsStoredAsSentAndRenderedInert() {
        new XssJourney(this).run();
    }

    // --- helpers ---

    default Reader reader() {
        return new Reader(site(), Reader.someIp());
    }

    /** A form stamp from a minute ago, by the site's clock: a reader who took their time. */
    default String agedStamp(Written article) {
        return bean(FormStamp.class).stampFor(article.id(), bean(Clock.class).instant().minusSeconds(60));
    }

    default String email() {
        return "reader" + EMAILS.incrementAndGet() + "." + Long.toString(System.nanoTime(), 36) + "@example.com";
    }

    default void policy(Written article, Moderation moderation) {
        bean(ModerationService.class).setPolicy(article.id(), moderation, null);
    }

    default String comments(Written article) {
        return article.path() + "/comments";
    }

    default long published(Reader reader, Written article, Fields fields) {
        Page sent = reader.post(comments(article), fields.stamp(agedStamp(article)).map());
        assertThat(sent.status()).isEqualTo(303);
        Matcher anchor = COMMENT_ANCHOR.matcher(sent.header("Location"));
        assertThat(anchor.find()).as("published at once: " + sent.header("Location")).isTrue();
        return Long.parseLong(anchor.group(1));
    }

    default long stored(Written article) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM comment WHERE article_id = :a")
                .param("a", article.id()).query(Long.class).single();
    }

    default long changeLogRows(Written article, String kind) {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM change_log WHERE article_id = :a AND kind = :k")
                .param("a", article.id()).param("k", kind).query(Long.class).single();
    }

    default long idOf(String body) {
        return bean(JdbcClient.class).sql("SELECT id FROM comment WHERE body = :b").param("b", body)
                .query(Long.class).single();
    }

    default String stateOf(String body) {
        return bean(JdbcClient.class).sql("SELECT state FROM comment WHERE body = :b").param("b", body)
                .query(String.class).single();
    }

    default String reasonOf(String bodyStart) {
        return bean(JdbcClient.class).sql("SELECT reason FROM comment WHERE body LIKE :b").param("b", bodyStart + "%")
                .query(String.class).single();
    }

    /** The textarea's content as the browser shows it (the parser drops one newline right after the tag). */
    static String textareaValue(Document page) {
        String raw = page.selectFirst("#comment").wholeText();
        return raw.startsWith("\n") ? raw.substring(1) : raw;
    }

    static JsonNode findIn(Answer page, String body) {
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode comment : page.json().get("comments")) {
            if (comment.get("body").asString().equals(body)) {
                return comment;
            }
        }
        throw new AssertionError("No comment \"" + body + "\" in " + page.json());
    }
}
