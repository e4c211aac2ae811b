package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What a staff member's Markdown can put in a reader's page: links and images to safe addresses only. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void dataJavascriptAndVbscriptUrlsAreDroppedFromLinksAndImages() {
        String html = renderer.toHtml("""
                [a page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                ![a picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
                [upper](DATA:text/html,x) [spaced]( data:text/html,x) [script](javascript:alert(1))
                [vb](VBScript:msgbox(1)) [tabbed](<java\tscript:alert(1)>) <data:text/html,autolinked>
                [ref][r]

                [r]: data:text/html,referenced
                """);
        Document page = Jsoup.parseBodyFragment(html);

        assertThat(page.select("a[href], img[src]")).allSatisfy(element -> assertThat(
                element.hasAttr("href") ? element.attr("href") : element.attr("src")).isEmpty());
        assertThat(page.select("[href~=(?i)(data|script):], [src~=(?i)(data|script):]")).isEmpty();
        assertThat(page.select("a")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(page.select("img")).hasSize(1);
    }

    @Test
    void safeAddressesStay() {
        Document page = Jsoup.parseBodyFragment(renderer.toHtml("""
                [site](https://example.org/a) [mail](mailto:desk@example.org) [here](/world/story)
                [anchor](#section) [colon in path](/search?q=a:b) ![photo](https://example.org/p.jpg)
                """));

        assertThat(page.select("a").eachAttr("href")).containsExactly("https://example.org/a",
                "mailto:desk@example.org", "/world/story", "#section", "/search?q=a:b");
        assertThat(page.select("img").attr("src")).isEqualTo("https://example.org/p.jpg");
    }
}
