package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import news.dateline.platform.Refusal;
import news.dateline.support.FuzzInputs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Markdown renderer against arbitrary text: it never throws (a {@link Refusal} would be the only acceptable
 * exception, and it has none), and what it writes never carries a script: no element or attribute outside what
 * commonmark writes for Markdown, no event handler, no link or image to an unsafe address.
 */
class MarkdownFuzzTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final List<String> SEEDS = List.of("## Heading\n\nA [link](https://example.org) and ![x](/a.png)",
            "| a | b |\n|---|---|\n| 1 | 2 |", "> quote\n\n- list\n- *items*\n\n```\ncode\n```",
            "<div onclick=alert(1)>raw</div> [x](javascript:alert(1)) <https://auto.example> www.example.com");

    @Test
    void arbitraryTextRendersSafelyForAFewSeconds() {
        long tried = FuzzInputs.run(21, SEEDS, MarkdownFuzzTest::check);
        assertThat(tried).isPositive();
        System.out.println("MarkdownFuzzTest: " + tried + " inputs");
    }

    @Tag("fuzz") // Jazzer takes a minute to start: bench/fuzz.sh runs these
    @FuzzTest(maxDuration = "2m")
    void markdown(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString());
    }

    static void check(String markdown) {
        String html;
        try {
            html = RENDERER.toHtml(markdown, "");
        } catch (Refusal refused) {
            return;
        }
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script, style, iframe, object, embed, form, input, svg, math")).isEmpty();
        page.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            assertThat(attribute.getKey()).doesNotStartWith("on");
            if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                assertThat(MarkdownRenderer.isSafeUrl(attribute.getValue())).as(attribute.getValue()).isTrue();
            }
        }));
    }
}
