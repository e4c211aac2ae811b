package news.dateline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** WordPress content to our Markdown: what an editor will see in the body after the import. */
class HtmlToMarkdownTest {

    private final Set<String> notes = new LinkedHashSet<>();

    private String convert(String wordpress) {
        return HtmlToMarkdown.convert(WordPressMarkup.toHtml(wordpress, notes), notes);
    }

    @Test
    void classicContentFollowsWpautopBlankLinesAreParagraphsNewlinesAreBreaks() {
        assertThat(convert("First line\nsecond line\n\nNew paragraph with <strong>bold</strong> and <em>it</em>."))
                .isEqualTo("First line\\\nsecond line\n\nNew paragraph with **bold** and *it*.");
    }

    @Test
    void blockEditorCommentsGoAndTheBlocksBecomeMarkdown() {
        assertThat(convert("""
                <!-- wp:heading -->
                <h2 class="wp-block-heading">Latest</h2>
                <!-- /wp:heading -->

                <!-- wp:list -->
                <ul><li>One <a href="https://example.org/a b">link</a></li><li>Two<ul><li>Nested</li></ul></li></ul>
                <!-- /wp:list -->

                <!-- wp:quote -->
                <blockquote class="wp-block-quote"><p>Quoted.</p><p>Twice.</p></blockquote>
                <!-- /wp:quote -->"""))
                .isEqualTo("""
                        ## Latest

                        - One [link](<https://example.org/a b>)
                        - Two
                          - Nested

                        > Quoted.
                        >
                        > Twice.""");
        assertThat(notes).isEmpty();
    }

    @Test
    void textThatLooksLikeMarkdownIsEscapedSoItReadsTheSame() {
        assertThat(convert("<p>1. Not a list, *not* emphasis, C:\\path, AT&amp;T &lt;b&gt;</p>"))
                .isEqualTo("1\\. Not a list, \\*not\\* emphasis, C:\\\\path, AT\\&T \\<b\\>");
    }

    @Test
    void whatMarkdownCannotSayBecomesTheNearestMarkdownAndIsNoted() {
        String markdown = convert("""
                [caption id="a" align="alignleft" width="150"]<img src="https://example.org/x.jpg" alt="X" /> A caption[/caption]

                [gallery ids="1,2,3"]

                <iframe src="https://www.youtube.com/embed/abc"></iframe>

                <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>""");

        assertThat(markdown).isEqualTo("""
                ![X](<https://example.org/x.jpg>)

                A caption

                <https://www.youtube.com/embed/abc>

                | A | B |
                | --- | --- |
                | 1 | 2 |""");
        assertThat(notes).containsExactly("[gallery] shortcode dropped (no equivalent here)",
                "<iframe> replaced by a link to its source");
    }

    @Test
    void preformattedTextKeepsItsBlankLinesAndBackticks() {
        assertThat(convert("<pre>a ``` b\n\n  indented</pre>"))
                .isEqualTo("````\na ``` b\n\n  indented\n````");
    }

    @Test
    void dataJavascriptAndVbscriptAddressesAreDroppedFromLinksImagesAndEmbeds() {
        String markdown = convert("""
                <p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Open me</a>
                <a href=" JavaScript:alert(1)">and me</a> <a href="vbscript:msgbox(1)">me too</a>
                <a href="java&#x09;script:alert(1)">tabbed</a> <a href="https://example.org/ok">fine</a></p>
                <p><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="inline" /><img src="/ok.jpg" alt="kept" /></p>
                <iframe src="javascript:alert(1)"></iframe>
                <figure><img src="DATA:image/png;base64,AAAA" alt="figure" /></figure>""");

        assertThat(markdown).doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("script:")
                .contains("Open me").contains("and me").contains("[fine](<https://example.org/ok>)")
                .contains("![kept](</ok.jpg>)");
        assertThat(notes).contains(HtmlToMarkdown.UNSAFE_URL_DROPPED);
    }

    /** Issue 19, item 14: a line break WordPress's editor leaves at the end of a cell or a button is invisible. */
    @Test
    void aLineBreakAtTheEndOfATableCellOrAButtonLeavesNoBackslash() {
        assertThat(convert("""
                <!-- wp:table -->
                <figure class="wp-block-table"><table><tbody><tr><td>Cell #5<br></td><td>Cell<br>#6</td></tr></tbody></table></figure>
                <!-- /wp:table -->

                <!-- wp:button -->
                <div class="wp-block-button is-style-outline"><a class="wp-block-button__link">Outline<br></a></div>
                <!-- /wp:button -->

                <!-- wp:paragraph -->
                <p><strong>Bold<br></strong> and <a href="https://example.org/">a link<br></a></p>
                <!-- /wp:paragraph -->"""))
                .isEqualTo("""
                        | Cell #5 | Cell \\#6 |
                        | --- | --- |

                        Outline

                        **Bold**\\
                        and [a link](<https://example.org/>)""");
    }

    /** Issue 19, item 14: an embed block with a caption kept only the caption; its address is what matters. */
    @Test
    void anEmbedBlockWithACaptionKeepsItsAddressAsALinkLine() {
        assertThat(convert("""
                <!-- wp:core-embed/twitter {"url":"https://twitter.com/WordPress/status/1057136472321613824"} -->
                <figure class="wp-block-embed-twitter alignwide wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
                https://twitter.com/WordPress/status/1057136472321613824
                </div><figcaption>Twitter,&nbsp; wide width</figcaption></figure>
                <!-- /wp:core-embed/twitter -->

                <!-- wp:core-embed/instagram {"url":"https://www.instagram.com/p/BpmueLLgEn_/?a=1&b=2"} -->
                <figure class="wp-block-embed-instagram wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
                https://www.instagram.com/p/BpmueLLgEn_/?a=1&amp;b=2
                </div></figure>
                <!-- /wp:core-embed/instagram -->"""))
                .isEqualTo("""
                        <https://twitter.com/WordPress/status/1057136472321613824>

                        Twitter,\u00a0 wide width

                        <https://www.instagram.com/p/BpmueLLgEn_/?a=1&b=2>""");
        assertThat(notes).containsExactly("embed block replaced by a link to its source");
    }
}
