package news.dateline.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import news.dateline.media.Photographer;
import news.dateline.media.TestPictures;
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
                "footer", "Harbour Herald, 1 Quay Street, Port Halvik", "logo-url", "/assets/logo.svg",
                "share-image-url", "https://cdn.example/harbour-herald-card.png");
        assertThat(saved.status()).isEqualTo(303);

        Document home = site().get("/").html();
        assertThat(home.select(".brand a img").attr("src")).isEqualTo("/assets/logo.svg");
        assertThat(home.select(".brand a img").attr("alt")).isEqualTo("Harbour Herald");
        assertThat(home.select(".tagline").text()).isEqualTo("The port's paper since 1871");
        assertThat(home.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(home.select(".site-footer").text()).isEqualTo("Harbour Herald, 1 Quay Street, Port Halvik");
        assertThat(home.select("meta[property=og:site_name]").attr("content")).isEqualTo("Harbour Herald");
        assertThat(home.select("meta[property=og:image]").attr("content")).as("the default share image")
                .isEqualTo("https://cdn.example/harbour-herald-card.png");
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

    /** Issue 16: the logo and the icon from the photo library; the icons made from the picture, the mark without. */
    @Test
    default void anAdminPicksLibraryPicturesAsLogoAndIconAndTheHeaderTheIconsAndTheManifestShowThem()
            throws Exception {
        Photographer library = Photographer.as(this, "admin");
        String unique = Long.toString(System.nanoTime(), 36);
        Color green = new Color(20, 130, 60);
        long icon = library.uploaded("icon-" + unique + ".jpg", TestPictures.plainJpeg(900, 700, green),
                Map.of("alt", "A green field " + unique)).get("id").asLong();
        long logo = library.uploaded("masthead-" + unique + ".jpg", TestPictures.plainJpeg(1000, 250,
                new Color(10, 10, 90)), Map.of("alt", "The masthead " + unique)).get("id").asLong();
        assertThat(library.whenMade(icon).get("state").asString()).isEqualTo("ready");
        assertThat(library.whenMade(logo).get("state").asString()).isEqualTo("ready");
        NewsroomForms admin = NewsroomForms.as(this, "admin");
        Document form = admin.get("/newsroom/settings").html();
        assertThat(form.select("#icon-media option").eachAttr("value")).as("the picker lists the library")
                .contains(Long.toString(icon), Long.toString(logo));
        assertThat(pixel(png("/apple-touch-icon.png"), 90, 90)).as("the mark before").isEqualTo(new Color(0xb0, 0, 0x20));

        SiteProperties shipped = bean(SiteProperties.class);
        assertThat(admin.post("/newsroom/settings", "name", shipped.name(), "tagline", shipped.tagline(),
                "language", shipped.language(), "time-zone", shipped.timeZone().getId(),
                "logo-media", Long.toString(logo), "icon-media", Long.toString(icon)).status()).isEqualTo(303);

        BufferedImage touch = png("/apple-touch-icon.png");
        assertThat(touch.getWidth()).isEqualTo(180);
        assertThat(touch.getHeight()).isEqualTo(180);
        // The test picture is green with a white disc in the middle: the icon is that picture, cut square.
        assertThat(close(pixel(touch, 10, 10), green)).as("made from the picture: " + pixel(touch, 10, 10)).isTrue();
        assertThat(close(pixel(touch, 90, 90), Color.WHITE)).as("its middle: " + pixel(touch, 90, 90)).isTrue();
        BufferedImage large = png("/icon-512.png");
        assertThat(large.getWidth()).isEqualTo(512);
        assertThat(close(pixel(large, 30, 30), green)).isTrue();
        assertThat(close(pixel(large, 256, 256), Color.WHITE)).isTrue();
        assertThat(png("/icon-192.png").getWidth()).isEqualTo(192);
        Photographer.Answer favicon = Photographer.anonymous(site().base(), "/favicon.ico");
        assertThat(favicon.header("Content-Type")).isEqualTo("image/x-icon");
        BufferedImage inIco = ImageIO.read(new ByteArrayInputStream(favicon.body(), 22, favicon.body().length - 22));
        assertThat(inIco.getWidth()).isEqualTo(32);
        assertThat(close(pixel(inIco, 2, 2), green)).isTrue();
        String manifest = site().get("/site.webmanifest").body();
        assertThat(manifest).contains("\"src\":\"/icon-512.png\",\"sizes\":\"512x512\"",
                "\"src\":\"/icon-192.png\",\"sizes\":\"192x192\"").doesNotContain("icon.svg");

        Document home = site().get("/").html();
        var img = home.select(".brand a img");
        assertThat(img.attr("src")).startsWith("/media/").endsWith(".jpg");
        assertThat(img.attr("alt")).isEqualTo(shipped.name());
        assertThat(img.attr("width")).isEqualTo("320");
        assertThat(img.attr("height")).isEqualTo("80");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(
                Photographer.anonymous(site().base(), img.attr("src")).body()));
        assertThat(served.getWidth()).as("the file is the size the page says").isEqualTo(320);
        assertThat(home.select("link[rel=icon][type=image/svg+xml]")).as("the mark's SVG is not offered").isEmpty();
        assertThat(admin.get("/newsroom/settings").html().select("#icon-media option[selected]").val())
                .isEqualTo(Long.toString(icon));

        // In use as the logo or the icon, a picture is not deleted from the library (the header would break).
        Photographer.Answer inUse = library.post("/newsroom/media/" + logo + "/delete", Map.of());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(Jsoup.parse(inUse.text()).select("[role=alert]").text()).isEqualTo("\"masthead-" + unique
                + ".jpg\" is the site's logo: choose another in the site settings before deleting it.");
        assertThat(library.post("/newsroom/media/" + icon + "/delete", Map.of()).status()).isEqualTo(409);
        assertThat(Photographer.anonymous(site().base(), img.attr("src")).status()).isEqualTo(200);

        shippedSettingsBack();
        assertThat(library.post("/newsroom/media/" + logo + "/delete", Map.of()).status())
                .as("no longer the logo: it may go").isEqualTo(303);
        assertThat(pixel(png("/apple-touch-icon.png"), 90, 90)).as("no icon chosen: the mark again")
                .isEqualTo(new Color(0xb0, 0, 0x20));
        assertThat(site().get("/").html().select(".brand a").text()).isEqualTo(shipped.name());
    }

    default BufferedImage png(String path) throws java.io.IOException {
        Photographer.Answer answer = Photographer.anonymous(site().base(), path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(answer.body()));
    }

    static Color pixel(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y), false);
    }

    /** Within JPEG's rounding of a flat colour. */
    static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= 12 && Math.abs(a.getGreen() - b.getGreen()) <= 12
                && Math.abs(a.getBlue() - b.getBlue()) <= 12;
    }

    @Test
    default void badSettingsAreRefusedAndTheFormKeepsWhatWasTyped() {
        Page refused = NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", " ",
                "tagline", "Still the tagline", "language", "english please", "time-zone", "Mars/Olympus_Mons",
                "logo-url", "https://images.example/logo.png", "share-image-url", "javascript:alert(1)",
                "social-profiles", "http://insecure.example/me", "comments", "closed",
                "comment-moderation", "whenever", "comment-close-after-days", "soon", "icon-media", "987654321");

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
        assertThat(form.select("#icon-media-error").text())
                .isEqualTo("Choose a picture from the photo library whose sizes are ready, or none.");
        assertThat(form.select("#icon-media option[selected]").val()).isEqualTo("987654321");
        assertThat(form.select("#tagline").attr("value")).isEqualTo("Still the tagline");
        assertThat(form.select("#time-zone").attr("value")).isEqualTo("Mars/Olympus_Mons");
        assertThat(form.select("#social-profiles").text()).isEqualTo("http://insecure.example/me");
        assertThat(site().get("/").html().select(".brand a").text()).as("nothing was saved")
                .isEqualTo(bean(SiteProperties.class).name());
    }

    /** Issue 13: outside image hosts in the CSP's img-src; exact hosts only; cached pages follow; empty is strict. */
    @Test
    default void anAdminAllowsAnOutsideImageHostAndEveryPageItsCspNamesItCachedOnesIncluded() {
        String strict = news.dateline.edge.SecurityHeaders.CONTENT_SECURITY_POLICY;
        site().get("/");
        assertThat(site().get("/").header("X-Cache")).as("the home page is cached").isEqualTo("hit");
        assertThat(site().get("/").header("Content-Security-Policy")).isEqualTo(strict);
        String name = bean(SiteProperties.class).name();
        for (String bad : java.util.List.of("*", "*.example.org", "photos.example.org/pictures", "data:",
                "http://photos.example.org", "photos.example.org:8443", "photos.example.org; script-src *")) {
            Page refused = NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", name,
                    "language", "en", "time-zone", "UTC", "image-hosts", "cdn.example.net\n" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.html().select("#image-hosts-error").text()).as(bad)
                    .isEqualTo(ImageHostList.NOT_A_HOST.formatted(bad));
            assertThat(refused.html().select("#image-hosts").val()).isEqualTo("cdn.example.net\n" + bad);
        }
        assertThat(site().get("/").header("Content-Security-Policy")).as("nothing was saved").isEqualTo(strict);

        Page saved = NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", name, "language", "en",
                "time-zone", "UTC", "image-hosts", "https://Photos.Example.org/\ncdn.example.net\n\ncdn.example.net");
        assertThat(saved.status()).isEqualTo(303);
        Page home = site().get("/");
        assertThat(home.header("X-Cache")).as("the cached page was dropped").isNotEqualTo("hit");
        assertThat(home.header("Content-Security-Policy")).isEqualTo(strict.replace("img-src 'self' data:",
                "img-src 'self' data: https://photos.example.org https://cdn.example.net"));
        assertThat(site().get("/").header("Content-Security-Policy")).as("and so is the cached one")
                .contains("https://photos.example.org https://cdn.example.net;");
        assertThat(NewsroomForms.as(this, "admin").get("/newsroom/settings").html().select("#image-hosts").val())
                .isEqualTo("photos.example.org\ncdn.example.net");

        assertThat(NewsroomForms.as(this, "admin").post("/newsroom/settings", "name", name, "language", "en",
                "time-zone", "UTC", "image-hosts", "").status()).isEqualTo(303);
        assertThat(site().get("/").header("Content-Security-Policy")).as("empty: the strict policy, exactly")
                .isEqualTo(strict);
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
