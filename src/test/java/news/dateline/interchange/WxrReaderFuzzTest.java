package news.dateline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import news.dateline.platform.Refusal;
import news.dateline.support.FuzzInputs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WordPress export reader against arbitrary bytes: a broken file is reported as what it is (a
 * {@link WxrFormatException} or a {@link WxrFields.BadField}, with line and column, which the import's summary
 * shows; or our {@link Refusal}), never as any other exception; no DTD or external entity is ever read.
 */
class WxrReaderFuzzTest {

    private static final String WXR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Site</title>
            <wp:author><wp:author_login>ana</wp:author_login><wp:author_display_name>Ana</wp:author_display_name></wp:author>
            <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
            <item><title>A post</title><guid>https://old.example/?p=1</guid><dc:creator>ana</dc:creator>
            <content:encoded><![CDATA[<p>Body <a href="data:text/html,x">x</a></p>]]></content:encoded>
            <wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>
            <wp:post_name>a-post</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <category domain="category" nicename="news">News</category>
            <wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Bo</wp:comment_author>
            <wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
            <wp:comment_date_gmt>2024-05-02 10:00:00</wp:comment_date_gmt></wp:comment>
            </item></channel></rss>
            """;
    private static final List<String> SEEDS = List.of(WXR);
    private static final WxrReader.Handler IGNORE = new WxrReader.Handler() {
        @Override
        public void author(WxrRecords.Author author) {
        }

        @Override
        public void term(WxrRecords.Term term) {
        }

        @Override
        public void item(WxrRecords.Item item) {
        }
    };

    @Test
    void arbitraryFilesAreReadOrReportedForAFewSeconds() {
        long tried = FuzzInputs.run(21, SEEDS, text -> check(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(tried).isPositive();
        System.out.println("WxrReaderFuzzTest: " + tried + " inputs");
    }

    @Tag("fuzz") // Jazzer takes a minute to start: bench/fuzz.sh runs these
    @FuzzTest(maxDuration = "2m")
    void wxr(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes());
    }

    static void check(byte[] file) {
        try {
            new WxrReader().read(new ByteArrayInputStream(file), IGNORE);
        } catch (WxrFormatException | WxrFields.BadField | Refusal reported) {
            // what the import's summary shows, line and column included
        }
    }
}
