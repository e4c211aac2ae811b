package news.dateline.edge;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.account.AccountMessages;
import news.dateline.support.NoProxyPostgresSite;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient;
import news.dateline.support.SiteClient.Page;
import news.dateline.support.StoryBuilder.Written;
import news.dateline.support.TestAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A site that trusts no proxy (the default): a client that makes up X-Forwarded-For (or Forwarded) headers is still
 * one client at one address, for the comment rate limit, the sign-in throttle and the search limit.
 */
interface NoProxyJourneys extends RunningSite {

    AtomicInteger MADE_UP = new AtomicInteger();

    /** A different invented address on every call, as a flooder rotating the header would send. */
    static String[] madeUpForwarding() {
        int n = MADE_UP.incrementAndGet();
        String address = "198.18." + (n >> 8 & 0xff) + "." + (n & 0xff);
        return new String[] {"X-Forwarded-For", address, "Forwarded", "for=" + address};
    }

    @Test
    default void aClientRotatingXForwardedForIsStillOneClientForTheCommentRateLimit() {
        Written article = story(this, "Cycle lanes planned for the ring road").write();
        SiteClient flooder = site();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(flooder.postForm(article.path() + "/comments", Map.of("comment", "Attempt " + i,
                    "author", "", "email", "flood@example.com"), madeUpForwarding()).status());
        }
        assertThat(statuses).containsOnly(422);

        Page limited = flooder.postForm(article.path() + "/comments", Map.of("comment", "Attempt 11",
                "author", "", "email", "flood@example.com"), madeUpForwarding());
        assertThat(limited.status()).as("the eleventh from one address, whatever its headers say").isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    default void aClientRotatingXForwardedForIsStillOneAddressForTheSignInThrottle() {
        String editor = TestAccounts.create(this, "editor");
        SiteClient guesser = site();
        String csrf = guesser.get("/newsroom/login").html().select("input[name=_csrf]").attr("value");
        for (int account = 0; account < 4; account++) { // 4 x 5: the per-address limit, no account locked by itself
            String name = TestAccounts.create(this, "author");
            for (int i = 0; i < 5; i++) {
                guesser.postForm("/newsroom/login", Map.of("username", name, "password", "guess " + i,
                        "_csrf", csrf), madeUpForwarding());
            }
        }
        SiteClient owner = site(); // a fresh browser (its own session) on the same connection's address
        String ownersCsrf = owner.get("/newsroom/login").html().select("input[name=_csrf]").attr("value");
        Page attempt = owner.postForm("/newsroom/login", Map.of("username", editor,
                "password", TestAccounts.PASSWORD, "_csrf", ownersCsrf), madeUpForwarding());
        assertThat(attempt.header("Location")).as("refused, right password or not").contains("/newsroom/login");
        Document page = owner.get("/newsroom/login?error").html();
        assertThat(page.select("[role=alert]").text()).startsWith("Too many failed sign-ins from your network.")
                .isNotEqualTo(AccountMessages.BAD_CREDENTIALS);
    }

    @Test
    default void pastTheSearchLimitSearchAnswers429WithRetryAfterInTheSitesDesign() {
        SiteClient reader = site();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < NoProxyPostgresSite.SEARCHES_PER_MINUTE; i++) {
            statuses.add(reader.get("/search?q=harbour+" + i, madeUpForwarding()).status());
        }
        assertThat(statuses).as("a minute's worth of searches").containsOnly(200);

        Page limited = reader.get("/search?q=one+more", madeUpForwarding());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        Document page = limited.html();
        assertThat(page.select("header.masthead")).as("the site's own page").hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Too Many Requests");
        assertThat(page.select(".problem p").first().text()).contains("a lot of requests").contains("wait");
        assertThat(limited.header("Content-Security-Policy")).startsWith("default-src 'self'");

        assertThat(reader.get("/").status()).as("the rest of the site is not limited").isEqualTo(200);
    }
}
