package news.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import news.dateline.platform.Refusal;
import news.dateline.support.FuzzInputs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The comment text formatter (paragraphs, line breaks, links) against arbitrary text: it never throws but for a
 * {@link Refusal}, and links only http and https addresses.
 */
class CommentTextFuzzTest {

    private static final List<String> SEEDS = List.of("First line\nsecond\n\nNew paragraph https://example.org/a?b=c.",
            "See (https://example.org/x_(y)) and <b>bold</b> javascript:alert(1) www.example.com",
            "\r\n\r\n\u202e\u0000 http://a.example/\"onmouseover=alert(1)");

    @Test
    void arbitraryTextIsFormattedSafelyForAFewSeconds() {
        long tried = FuzzInputs.run(21, SEEDS, CommentTextFuzzTest::check);
        assertThat(tried).isPositive();
        System.out.println("CommentTextFuzzTest: " + tried + " inputs");
    }

    @Tag("fuzz") // Jazzer takes a minute to start: bench/fuzz.sh runs these
    @FuzzTest(maxDuration = "2m")
    void commentText(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString());
    }

    static void check(String body) {
        CommentText text;
        try {
            text = CommentText.of(body);
        } catch (Refusal refused) {
            return;
        }
        for (CommentText.Paragraph paragraph : text.paragraphs()) {
            for (CommentText.Line line : paragraph.lines()) {
                for (CommentText.Segment segment : line.segments()) {
                    if (segment.isLink()) {
                        assertThat(segment.href()).as(segment.href()).matches("(?i)https?://\\S+");
                    }
                }
            }
        }
    }
}
