package news.dateline.platform.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What reader pages keep between changes (Recent Articles, the home page's lists) is read again after any change
 * but a comment, and a value read while a change lands is never the one kept.
 */
class UntilChangedTest {

    private final UntilChanged kept = new UntilChanged();
    private final AtomicInteger reads = new AtomicInteger();

    private String read() {
        return "rows as of read " + reads.incrementAndGet();
    }

    @Test
    void aValueIsReadOnceUntilAStoryChangesButNotWhenACommentDoes() {
        assertThat(kept.get("recent", this::read)).isEqualTo("rows as of read 1");
        assertThat(kept.get("recent", this::read)).isEqualTo("rows as of read 1");

        kept.on(new CommentsChanged(7));
        assertThat(kept.get("recent", this::read)).isEqualTo("rows as of read 1");

        kept.on(new StoryChanged(7, StoryChanged.Kind.PUBLISHED));
        assertThat(kept.get("recent", this::read)).isEqualTo("rows as of read 2");

        kept.on(new TaxonomyChanged(TaxonomyChanged.Kind.SECTION_RENAMED));
        kept.on(new SiteChanged(SiteChanged.Kind.FRONT));
        assertThat(kept.get("recent", this::read)).isEqualTo("rows as of read 3");
    }

    @Test
    void aValueReadWhileAChangeLandsIsNotKept() {
        String during = kept.get("home", () -> {
            String before = read();
            kept.on(new StoryChanged(9, StoryChanged.Kind.UPDATED)); // committed while this render read its rows
            return before;
        });

        assertThat(during).isEqualTo("rows as of read 1");
        assertThat(kept.get("home", this::read)).isEqualTo("rows as of read 2");
        assertThat(kept.get("home", this::read)).isEqualTo("rows as of read 2");
    }

    @Test
    void aRefusalOrNothingFoundIsNotKept() {
        assertThat((String) kept.get("section page 9", () -> null)).isNull();
        assertThat(kept.get("section page 9", this::read)).isEqualTo("rows as of read 1");
    }

    @Test
    void anArticlesCommentsAreReadAgainAfterItsCommentsChangeAndAfterAnyOtherChange() {
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 1");
        assertThat(kept.untilCommentsChange(8, "thread 8", this::read, String::length)).isEqualTo("rows as of read 2");
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 1");

        kept.on(new CommentsChanged(7));
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 3");
        assertThat(kept.untilCommentsChange(8, "thread 8", this::read, String::length))
                .as("another article's comments did not change").isEqualTo("rows as of read 2");

        kept.on(new StoryChanged(8, StoryChanged.Kind.UPDATED)); // a closed discussion, a new headline, a time zone
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 4");
        assertThat(kept.untilCommentsChange(8, "thread 8", this::read, String::length)).isEqualTo("rows as of read 5");
    }

    @Test
    void commentsReadWhileTheirChangeLandsAreNotKept() {
        String during = kept.untilCommentsChange(7, "thread 7", () -> {
            String before = read();
            kept.on(new CommentsChanged(7)); // a comment approved while this render read the thread
            return before;
        }, String::length);

        assertThat(during).isEqualTo("rows as of read 1");
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 2");
        assertThat(kept.untilCommentsChange(7, "thread 7", this::read, String::length)).isEqualTo("rows as of read 2");
    }
}
