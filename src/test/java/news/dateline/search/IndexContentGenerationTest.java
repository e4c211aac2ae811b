package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related News keeps a story's ranking per content generation of the index (issue 20): a commit (the follower's,
 * every few seconds) and a merge leave it, so the ranking is not recomputed for them; any document change moves it,
 * so a publish or an unpublish is ranked afresh, and a rebuilt index never reuses an old index's numbers.
 */
class IndexContentGenerationTest {

    @TempDir
    Path dir;

    private static IndexedArticle story(long id, String headline) {
        return new IndexedArticle(id, "world", headline, "", "The harbour ferry runs hourly.", "", List.of(),
                Instant.parse("2026-12-01T12:00:00Z"));
    }

    @Test
    void documentsChangingMoveItWhileCommitsDoNot() throws IOException {
        long last;
        try (LuceneIndex index = LuceneIndex.recreate(dir)) {
            index.upsert(story(1, "Harbour ferry timetable"), 0);
            index.upsert(story(2, "Harbour bus timetable"), 0);
            long afterWrites = index.contentGeneration();

            index.commit(1_000);
            index.refresh(); // nothing new to show: a refresh may move it, but a commit alone must not
            long afterCommit = index.contentGeneration();
            index.commit(2_000);
            assertThat(index.contentGeneration()).as("a commit changes no document").isEqualTo(afterCommit);

            index.upsert(story(3, "Harbour tram timetable"), 0);
            assertThat(index.contentGeneration()).as("a new story").isGreaterThan(afterCommit);
            long afterPublish = index.contentGeneration();
            index.delete(3);
            assertThat(index.contentGeneration()).as("an unpublished story").isGreaterThan(afterPublish);
            assertThat(afterCommit).isGreaterThanOrEqualTo(afterWrites);
            last = index.contentGeneration();
        }
        try (LuceneIndex rebuilt = LuceneIndex.recreate(dir)) {
            assertThat(rebuilt.contentGeneration()).as("a rebuilt index goes on counting").isGreaterThan(last);
        }
    }
}
