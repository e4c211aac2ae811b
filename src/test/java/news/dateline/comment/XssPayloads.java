package news.dateline.comment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The shared XSS payload list (../shared/testdata, one payload a line) and what "rendered inert" means for a page
 * holding them: no element or attribute that a commenter put there, only the markup our templates write.
 */
final class XssPayloads {

    static final Path FILE = Path.of("../shared/testdata/payloads/xss-all.txt");
    static final String SEPARATOR = "\n\n";

    /** Every tag our comment templates write; anything else inside #comments came from a commenter. */
    private static final Set<String> OUR_TAGS = Set.of("section", "link", "h1", "h2", "h3", "p", "ol", "li",
            "article", "header", "span", "a", "time", "div", "br", "strong", "form", "input", "textarea", "label",
            "button", "script");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "background");

    private XssPayloads() {
    }

    static List<String> load() {
        assumeTrue(Files.isReadable(FILE), "../shared/testdata/payloads/xss-all.txt is absent: XSS payload test skipped");
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Payloads packed into comment texts of at most {@code maxChars}, one paragraph each. */
    static List<List<String>> batches(List<String> payloads, int maxChars) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String payload : payloads) {
            if (!current.isEmpty() && length + SEPARATOR.length() + payload.length() > maxChars) {
                batches.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            length += (current.isEmpty() ? 0 : SEPARATOR.length()) + payload.length();
            current.add(payload);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** A payload as a website address: an http(s) URL whose query is the payload, spaces encoded. */
    static String asWebsite(String payload) {
        return "https://example.com/?q=" + payload.strip().replaceAll("\\s", "%20");
    }

    static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** What any page holding payloads must satisfy: only our markup, no handler, no script address. */
    static void assertInert(Document page, String scriptPath) {
        // The page's own JSON-LD is data, not script; every payload is in the comments, outside it.
        // Our own files only: the comment form's script, and on an article page the live script (every article
        // page carries it, to notice coverage starting; issue 14). No inline script, none twice.
        java.util.List<String> scripts = page.select("script:not([type=application/ld+json])").eachAttr("src");
        assertThat(scripts).as("scripts on the page").contains(scriptPath).doesNotHaveDuplicates()
                .allMatch(src -> src.matches("/assets/(comment-form|live)-[0-9a-f]{32}\\.js"))
                .anyMatch(src -> src.startsWith("/assets/comment-form-"));
        assertThat(page.select("script[type=application/ld+json]")).hasSizeLessThanOrEqualTo(1);
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", element.tagName()).doesNotStartWith("on");
                if (URL_ATTRIBUTES.contains(name)) {
                    assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT))
                            .as("%s of <%s>", name, element.tagName())
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        Element comments = page.getElementById("comments");
        assertThat(comments).isNotNull();
        for (Element element : comments.getAllElements()) {
            assertThat(OUR_TAGS).as("<%s> inside #comments", element.tagName()).contains(element.tagName());
        }
        for (Element link : comments.select(".comment-body a, .comment-author a")) {
            assertThat(link.attr("href")).matches("(?i)https?://.+");
            assertThat(link.attr("rel")).contains("ugc", "nofollow", "noopener");
        }
    }
}
