package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Snippets are cut where the JDK's English sentence iterator would cut them, at a fraction of its cost. */
class SentenceBreaksTest {

    private static final String STORY = "Troops entered the city at dawn. \"We saw them,\" said one resident. "
            + "Was it over? Not yet!\nThe mayor (who had fled) spoke at 6.30 from a bunker.) Officials said 1.5m "
            + "people remained. Négociations continue à Zürich.";

    @Test
    void cutsWhereTheJdkSentenceIteratorCuts() {
        assertThat(boundaries(new SentenceBreaks(), STORY))
                .isEqualTo(boundaries(BreakIterator.getSentenceInstance(Locale.ENGLISH), STORY));
    }

    @Test
    void followingAndPrecedingAnswerFromAnyOffset() {
        BreakIterator ours = new SentenceBreaks();
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        ours.setText(STORY);
        jdk.setText(STORY);
        for (int offset = 0; offset < STORY.length(); offset++) {
            assertThat(ours.following(offset)).as("following(%d)", offset).isEqualTo(jdk.following(offset));
            assertThat(ours.preceding(offset + 1)).as("preceding(%d)", offset + 1).isEqualTo(jdk.preceding(offset + 1));
        }
    }

    @Test
    void keepsOffsetsOfATextThatStartsInsideALongerOne() {
        var text = new StringCharacterIterator("xxxx" + STORY, 4, 4 + STORY.length(), 4);
        BreakIterator ours = new SentenceBreaks();
        ours.setText(text);
        assertThat(ours.first()).isEqualTo(4);
        assertThat(ours.next()).isEqualTo(4 + STORY.indexOf("\"We saw"));
        assertThat(ours.last()).isEqualTo(4 + STORY.length());
    }

    private static List<Integer> boundaries(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int b = iterator.first(); b != BreakIterator.DONE; b = iterator.next()) {
            found.add(b);
        }
        return found;
    }
}
