package news.dateline.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import news.dateline.story.TextDiff.Kind;
import news.dateline.story.TextDiff.Part;
import org.junit.jupiter.api.Test;

/** What the revisions page marks between two versions: only what changed, word by word. */
class TextDiffTest {

    private static String marked(List<Part> parts) {
        return parts.stream().map(p -> switch (p.kind()) {
            case SAME -> p.text();
            case INSERTED -> "{+" + p.text() + "+}";
            case DELETED -> "[-" + p.text() + "-]";
        }).collect(Collectors.joining());
    }

    @Test
    void aCorrectedFigureInAParagraphIsMarkedAsThatFigure() {
        assertThat(marked(TextDiff.of("First line.\nThe council voted 31 to 12.\nLast line.\n",
                "First line.\nThe council voted 32 to 12.\nLast line.\n")))
                .isEqualTo("First line.\nThe council voted [-31-]{+32+} to 12.\nLast line.\n");
    }

    @Test
    void addedAndRemovedLinesAreMarkedWholeAndTheRestKept() {
        assertThat(marked(TextDiff.of("One.\nTwo.\nThree.\n", "One.\nThree.\nFour.\n")))
                .isEqualTo("One.\n[-Two.\n-]Three.\n{+Four.\n+}");
    }

    /**
     * Issue 19, item 17: two 20,000-word revisions of one long paragraph, changed near both ends. The old LCS gave
     * up past 4 million cells and marked the whole paragraph as replaced.
     */
    @Test
    void twoTwentyThousandWordRevisionsDiffWithOnlyTheChangedWordsMarked() {
        List<String> words = IntStream.range(0, 20_000).mapToObj(i -> "word" + i).toList();
        String before = String.join(" ", words) + "\n\nA closing paragraph.\n";
        List<String> changed = new java.util.ArrayList<>(words);
        changed.set(100, "first-change");
        changed.set(19_900, "second-change");
        String after = String.join(" ", changed) + "\n\nA closing paragraph.\n";

        List<Part> parts = TextDiff.of(before, after);

        assertThat(parts.stream().filter(p -> p.kind() != Kind.SAME).map(Part::text))
                .containsExactly("word100", "first-change", "word19900", "second-change");
        assertThat(parts.stream().filter(p -> p.kind() != Kind.INSERTED).map(Part::text)
                .collect(Collectors.joining())).as("the parts give back the old text").isEqualTo(before);
        assertThat(parts.stream().filter(p -> p.kind() != Kind.DELETED).map(Part::text)
                .collect(Collectors.joining())).as("and the new one").isEqualTo(after);
    }
}
