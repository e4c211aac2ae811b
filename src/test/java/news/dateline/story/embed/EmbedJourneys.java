package news.dateline.story.embed;

import static news.dateline.support.StoryBuilder.story;
import static org.assertj.core.api.Assertions.assertThat;

import news.dateline.support.NewsroomForms;
import news.dateline.support.RunningSite;
import news.dateline.support.SiteClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Embeds in a story, through a real server, on each database (see the classes implementing this). */
interface EmbedJourneys extends RunningSite {

    String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    String HOSTILE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>alert(1)</script>";
    String UNKNOWN = "https://video.example.org/watch/42";

    @Test
    default void aStoryWithAYouTubeLineShowsAPlaceholderWithTheLinkAndNothingFromYouTube() {
        String body = "The mayor spoke at noon.\n\n" + VIDEO + "\n\n" + UNKNOWN + "\n\n" + HOSTILE
                + "\n\nShe left at one.";
        var written = story(this, "Mayor's speech on the flood defences " + System.nanoTime()).body(body).write();

        Page page = site().get(written.path());

        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        Element figure = html.selectFirst(".story-body figure.embed");
        assertThat(figure).as("placeholder for the video").isNotNull();
        assertThat(figure.select("figcaption").text()).isEqualTo("YouTube: " + VIDEO);
        assertThat(figure.select("figcaption a").attr("href")).isEqualTo(VIDEO);
        assertThat(figure.select("button").text()).isEqualTo("Load content from YouTube");
        assertThat(figure.attr("data-embed-frame")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(html.select("figure.embed")).as("only the one provider URL becomes an embed").hasSize(1);
        assertThat(html.select("iframe")).as("no frame before the reader asks").isEmpty();
        assertThat(html.select("[src*=youtube], [src*=youtu.be], link[href*=youtube]")).isEmpty();
        assertThat(html.select(".story-body a[href=" + UNKNOWN + "]").text()).isEqualTo(UNKNOWN);
        assertThat(html.select(".story-body script")).as("the hostile line stays text").isEmpty();
        assertThat(html.select(".story-body").text()).contains("\"><script>alert(1)</script>");

        assertThat(page.header("Content-Security-Policy")).contains("frame-src ")
                .contains(" https://www.youtube-nocookie.com").doesNotContain("frame-src *");
        String script = html.select("script[src*=embeds]").attr("src");
        assertThat(script).as("the page loads the embed script").startsWith("/assets/embeds");
        Page js = site().get(script);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.body()).contains("data-embed-frame");
    }

    @Test
    default void aStoryWithoutEmbedsLoadsNoEmbedScript() {
        var written = story(this, "Council meets on Tuesday " + System.nanoTime())
                .body("Nothing to watch.\n\n" + UNKNOWN).write();

        Document html = site().get(written.path()).html();

        assertThat(html.select("figure.embed, script[src*=embeds]")).isEmpty();
        assertThat(html.select(".story-body a[href=" + UNKNOWN + "]")).hasSize(1);
    }

    @Test
    default void theEditorsPreviewShowsThePlaceholderToo() {
        NewsroomForms editor = NewsroomForms.as(this, "editor");

        Page preview = editor.post("/newsroom/preview", "body", "Before.\n\nhttps://vimeo.com/76979871\n\nAfter.",
                "dateline", "");

        assertThat(preview.status()).isEqualTo(200);
        Element figure = preview.html().selectFirst("figure.embed");
        assertThat(figure).isNotNull();
        assertThat(figure.attr("data-embed-frame")).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
        assertThat(figure.select("button").text()).isEqualTo("Load content from Vimeo");
        assertThat(editor.get("/newsroom/articles/new").html().select("script[src*=embeds]"))
                .as("the editor loads the script that arms the preview's button").hasSize(1);
    }
}
