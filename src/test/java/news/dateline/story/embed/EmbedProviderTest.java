package news.dateline.story.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import news.dateline.edge.SecurityHeaders;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body line holding only a provider's URL becomes a placeholder naming the provider, with the link, and the
 * frame address built from the parsed id; anything else stays a link, escaped.
 */
class EmbedProviderTest {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create(),
            EmbedExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private static Document render(String markdown) {
        return Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ' ', value = {
        "YouTube https://www.youtube.com/watch?v=dQw4w9WgXcQ https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "YouTube https://youtu.be/dQw4w9WgXcQ?t=42 https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "YouTube https://www.youtube.com/shorts/dQw4w9WgXcQ https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "Vimeo https://vimeo.com/76979871 https://player.vimeo.com/video/76979871?dnt=1",
        "X https://x.com/Reuters/status/1790000000000000000 "
                + "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1790000000000000000",
        "X https://twitter.com/AP/status/123456789 https://platform.twitter.com/embed/Tweet.html?dnt=true&id=123456789",
        "Instagram https://www.instagram.com/p/C1a2B3c4D5e/ https://www.instagram.com/p/C1a2B3c4D5e/embed/",
        "TikTok https://www.tiktok.com/@scout2015/video/6718335390845095173 "
                + "https://www.tiktok.com/embed/v2/6718335390845095173",
        "Bluesky https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l "
                + "https://embed.bsky.app/embed/bsky.app/app.bsky.feed.post/3l6oveex3ii2l",
        "Mastodon https://mastodon.social/@Gargron/113034426186839271 "
                + "https://mastodon.social/@Gargron/113034426186839271/embed",
        "Facebook https://www.facebook.com/Reuters/posts/123456789 "
                + "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FReuters%2Fposts%2F123456789%2F",
        "SoundCloud https://soundcloud.com/forss/flickermood "
                + "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fflickermood",
        "Spotify https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC "
                + "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC",
        "Datawrapper https://datawrapper.dwcdn.net/AbC12/3/ https://datawrapper.dwcdn.net/AbC12/3/",
        "Datawrapper https://app.datawrapper.de/chart/AbC12/visualize https://datawrapper.dwcdn.net/AbC12/",
        "Flourish https://public.flourish.studio/visualisation/1234567/ https://flo.uri.sh/visualisation/1234567/embed",
    })
    void aLoneProviderUrlBecomesAPlaceholderWithItsLink(String provider, String url, String frame) {
        Document html = render("The minister spoke at noon.\n\n" + url + "\n\nShe left at one.");

        Element figure = html.selectFirst("figure.embed");
        assertThat(figure).as(url).isNotNull();
        assertThat(figure.attr("data-embed-provider")).isEqualTo(provider);
        assertThat(figure.attr("data-embed-frame")).isEqualTo(frame);
        assertThat(figure.select("button[type=button][hidden]").text()).isEqualTo("Load content from " + provider);
        assertThat(figure.select("figcaption a").attr("href")).isEqualTo(url);
        assertThat(figure.select("figcaption").text()).isEqualTo(provider + ": " + url);
        assertThat(html.select("iframe, script")).as("nothing loads before the reader asks").isEmpty();
        assertThat(html.select("p").eachText()).containsExactly("The minister spoke at noon.", "She left at one.");
        assertThat(frameSrc()).as("the CSP allows the frame").contains("https://" + URI.create(frame).getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXc",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onmouseover=\"alert(1)",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ'><svg/onload=alert(1)>",
        "https://vimeo.com/76979871/../../evil",
        "https://x.com/Reuters/status/123%22%3E%3Cscript%3E",
        "https://bsky.app/profile/a\"b.example/post/3l6oveex3ii2l",
        "https://mastodon.example/@someone/113034426186839271",
        "https://www.facebook.com/Reuters/posts/123&href=https://evil.example/",
        "https://soundcloud.com/forss/flickermood?url=javascript:alert(1)",
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC/../../x",
        "https://flo.uri.sh/visualisation/12ab/embed",
        "https://www.tiktok.com/@user/video/123<img src=x onerror=alert(1)>",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ#<b>",
        "https://www.instagram.com/p/C1a2B3c4D5e/?x=\u202e",
    })
    void unknownAndHostileUrlsStayAnEscapedLink(String url) {
        Document html = render(url);

        assertThat(html.select("figure, iframe, script, svg, img, b, [onmouseover], [onload], [onerror]")).as(url)
                .isEmpty();
        assertThat(html.select("button")).isEmpty();
        assertThat(html.text()).as("the line is still there, as text").isEqualTo(url);
    }

    @Test
    void aUrlInsideAParagraphAListOrAQuoteIsNotAnEmbed() {
        Document html = render("""
                Watch https://youtu.be/dQw4w9WgXcQ now.

                - https://youtu.be/dQw4w9WgXcQ

                > https://youtu.be/dQw4w9WgXcQ

                [the speech](https://youtu.be/dQw4w9WgXcQ)
                """);

        assertThat(html.select("figure")).isEmpty();
        assertThat(html.select("a[href=https://youtu.be/dQw4w9WgXcQ]")).hasSize(4);
    }

    @Test
    void theCspAllowsExactlyTheProvidersFrameHosts() {
        assertThat(frameSrc()).containsExactlyInAnyOrder(Embed.frameSources().split(" "));
    }

    private static String[] frameSrc() {
        String directive = Arrays.stream(SecurityHeaders.CONTENT_SECURITY_POLICY.split(";")).map(String::strip)
                .filter(d -> d.startsWith("frame-src ")).findFirst().orElseThrow();
        return directive.substring("frame-src ".length()).split(" ");
    }
}
