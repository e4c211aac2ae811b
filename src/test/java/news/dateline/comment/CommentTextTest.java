package news.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A comment's text as the thread shows it: paragraphs, lines, and which addresses become links. */
class CommentTextTest {

    /** The comment with each link as [address], paragraphs split by |, lines by /. */
    private static String shown(String body) {
        return CommentText.of(body).paragraphs().stream()
                .map(p -> p.lines().stream()
                        .map(l -> l.segments().stream()
                                .map(s -> s.isLink() ? "[" + s.href() + "]" : s.text())
                                .collect(Collectors.joining()))
                        .collect(Collectors.joining("/")))
                .collect(Collectors.joining("|"));
    }

    private static List<String> links(String body) {
        return CommentText.of(body).paragraphs().stream().flatMap(p -> p.lines().stream())
                .flatMap(l -> l.segments().stream()).filter(CommentText.Segment::isLink)
                .map(CommentText.Segment::href).toList();
    }

    @Test
    void blankLinesMakeParagraphsAndNewlinesLines() {
        assertThat(shown("First.\r\nSecond line.\n\n\nNew paragraph.")).isEqualTo("First./Second line.|New paragraph.");
        assertThat(CommentText.of("  \n ").paragraphs()).isEmpty();
    }

    @Test
    void anAddressIsLinkedWithoutTheSentencesPunctuationKeepingBalancedBrackets() {
        assertThat(shown("See https://example.com/a_(b). Or (https://example.org/x)!"))
                .isEqualTo("See [https://example.com/a_(b)]. Or ([https://example.org/x])!");
        assertThat(shown("HTTP://EXAMPLE.COM/X, then")).isEqualTo("[HTTP://EXAMPLE.COM/X], then");
    }

    @Test
    void onlyHttpAndHttpsAddressesBecomeLinks() {
        assertThat(links("javascript://x%0aalert(1) ftp://example.com/f mira@example.com www.example.com "
                + "data:text/html,x https://")).isEmpty();
    }

    /** Issue 19, item 18: what the hand-made regular expression got wrong. */
    @Test
    void addressesTheOldPatternCutShortAreLinkedWhole() {
        assertThat(links("https://en.wikipedia.org/wiki/Mother's_Day is today"))
                .containsExactly("https://en.wikipedia.org/wiki/Mother's_Day");
        assertThat(links("search https://example.com/find?q=a|b&sort={date} now"))
                .containsExactly("https://example.com/find?q=a|b&sort={date}");
        assertThat(links("quoted “https://example.com/a” and «https://example.com/b» and 'https://example.com/c'"))
                .containsExactly("https://example.com/a", "https://example.com/b", "https://example.com/c");
        assertThat(links("見て https://example.jp/ページ。次")).containsExactly("https://example.jp/ページ");
    }

    @Test
    void theSpamRulesCountTheLinksTheThreadShows() {
        String body = "https://a.example/x. (https://b.example) javascript://c https://en.wikipedia.org/wiki/It's";
        assertThat(CommentText.linkCount(body)).isEqualTo(links(body).size()).isEqualTo(3);
    }
}
