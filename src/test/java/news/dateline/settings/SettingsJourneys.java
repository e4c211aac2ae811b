package news.dateline.settings;

import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.platform.SiteProperties;
import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An admin changes how the site presents itself (/newsroom/settings) and readers, feed readers and search engines
 * see it at once, cached pages included; the icons and the web manifest browsers ask for answer. Each journey puts
 * the shipped settings back, as the other journeys on the shared site expect them.
 */
interface SettingsJourneys extends RunningSite {

    @AfterEach
    default void shippedSettingsBack() {
        SiteProperties shipped = bean(SiteProperties.class);
        NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", shipped.name(),
                "tagline", shipped.tagline(), "language", shipped.language(), "time-zone", shipped.timeZone().getId());
    }

    @Test
    default void aSiteNameChangeShowsInTheHeaderTheFeedsAndTheJsonLd() {
        site().get("/");
        assertThat(site().get("/").header("X-Cache")).as("the home page is cached").isEqualTo("hit");
        site().get("/feed");

        Page saved = NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", "Harbour Herald",
                "tagline", "The port's paper since 1871", "language", "en-GB", "time-zone", "Europe/London",
                "social-profiles", "https://social.example/@herald\nhttps://video.example/harbourherald",
                "footer", "Harbour Herald, 1 Quay Street, Port Halvik", "logo-url", "/assets/logo.svg");
        assertThat(saved.status()).isEqualTo(303);

        Document home = site().get("/").html();
        assertThat(home.select(".brand a img").attr("src")).isEqualTo("/assets/logo.svg");
        assertThat(home.select(".brand a img").attr("alt")).isEqualTo("Harbour Herald");
        assertThat(home.select(".tagline").text()).isEqualTo("The port's paper since 1871");
        assertThat(home.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(home.select(".site-footer").text()).isEqualTo("Harbour Herald, 1 Quay Street, Port Halvik");
        assertThat(home.select("meta[property=og:site_name]").attr("content")).isEqualTo("Harbour Herald");
        String jsonLd = home.select("script[type=application/ld+json]").stream().map(script -> script.data())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(jsonLd).contains("\"name\":\"Harbour Herald\"")
                .contains("\"sameAs\":[\"https://social.example/@herald\",\"https://video.example/harbourherald\"]");

        Document rss = Jsoup.parse(site().get("/feed").body(), "", Parser.xmlParser());
        assertThat(rss.selectFirst("channel > title").text()).isEqualTo("Harbour Herald");
        Document atom = Jsoup.parse(site().get("/feed/atom").body(), "", Parser.xmlParser());
        assertThat(atom.selectFirst("feed > author > name").text()).isEqualTo("Harbour Herald");
        assertThat(site().get("/site.webmanifest").body()).contains("\"name\":\"Harbour Herald\"");
        assertThat(home.select(".lead time").text()).as("times in the site's new time zone")
                .matches(".*(GMT|BST)$");
    }

    @Test
    default void badSettingsAreRefusedAndTheFormKeepsWhatWasTyped() {
        Page refused = NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", " ",
                "tagline", "Still the tagline", "language", "english please", "time-zone", "Mars/Olympus_Mons",
                "logo-url", "https://images.example/logo.png", "share-image-url", "javascript:alert(1)",
                "social-profiles", "http://insecure.example/me", "comments", "closed",
                "comment-moderation", "whenever", "comment-close-after-days", "soon");

        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.html();
        assertThat(form.select("#name-error").text()).isEqualTo("The site needs a name.");
        assertThat(form.select("#language-error").text()).isEqualTo("Give a language tag such as en, de or pt-BR.");
        assertThat(form.select("#time-zone-error").text()).isEqualTo("Give a time zone such as Europe/Berlin or UTC.");
        assertThat(form.select("#logo-url-error").text()).as("the page's CSP loads images from this site only")
                .isEqualTo("Use an image on this site, starting with / (pages load images from this site only), "
                        + "or leave it empty.");
        assertThat(form.select("#share-image-url-error").text())
                .isEqualTo("Use an address starting with https:// or / (this site), or leave it empty.");
        assertThat(form.select("#social-profiles-error").text())
                .isEqualTo("Each line must be one address starting with https://.");
        assertThat(form.select("#comment-moderation-error").text())
                .isEqualTo("Choose one of the moderation policies offered.");
        assertThat(form.select("#comment-close-after-days-error").text())
                .isEqualTo("Give a whole number of days, 0 for never (at most 3650).");
        assertThat(form.select("#comment-close-after-days").attr("value")).isEqualTo("soon");
        assertThat(form.select("#comments option[selected]").val()).isEqualTo("closed");
        assertThat(form.select("#tagline").attr("value")).isEqualTo("Still the tagline");
        assertThat(form.select("#time-zone").attr("value")).isEqualTo("Mars/Olympus_Mons");
        assertThat(form.select("#social-profiles").text()).isEqualTo("http://insecure.example/me");
        assertThat(site().get("/").html().select(".brand a").text()).as("nothing was saved")
                .isEqualTo(bean(SiteProperties.class).name());
    }

    @Test
    default void editorsMayNotChangeTheSettings() {
        assertThat(NewsroomForms.as(this, "editor").get("/newsroom/settings").status()).isEqualTo(403);
    }

    @Test
    default void browsersFindTheIconsAndTheWebManifest() {
        Document home = site().get("/").html();
        assertThat(home.select("link[rel=icon]").eachAttr("href")).contains("/favicon.ico");
        assertThat(home.select("link[rel=manifest]").attr("href")).isEqualTo("/site.webmanifest");
        assertThat(home.select("link[rel=apple-touch-icon]").attr("href")).isEqualTo("/apple-touch-icon.png");

        Page favicon = site().get("/favicon.ico");
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.header("Content-Type")).isEqualTo("image/x-icon");
        Page touch = site().get("/apple-touch-icon.png");
        assertThat(touch.status()).isEqualTo(200);
        assertThat(touch.header("Content-Type")).isEqualTo("image/png");
        Page manifest = site().get("/site.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
        assertThat(manifest.body()).contains("\"start_url\":\"/\"", "\"src\":\"/icon-192.png\"");
        assertThat(site().get("/icon-192.png").status()).isEqualTo(200);
    }
}
