package news.dateline.search;

import java.io.IOException;
import news.dateline.platform.change.Change;
import news.dateline.platform.change.CommentsChanged;
import news.dateline.platform.change.LiveEntryChanged;
import news.dateline.platform.change.SiteChanged;
import news.dateline.platform.change.StoriesImported;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.SiteContentChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies each committed story change to the index before the writing request returns, so a story
 * published on one request is found by the next search. A failure here must not fail the newsroom's
 * write, which is already committed: it is logged, and the next start replays the change log.
 */
@Component
class IndexFollower {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final SearchIndex index;

    IndexFollower(SearchIndex index) {
        this.index = index;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Change change) {
        try {
            switch (change) {
                case StoryChanged story -> index.apply(story.articleId());
                case StoriesImported imported -> applyImported(imported);
                // Comments and live entries are not indexed; sections and tags reach the index as StoryChanged.
                case CommentsChanged comments -> { }
                case LiveEntryChanged entry -> { }
                case TaxonomyChanged taxonomy -> { }
                case SiteChanged site -> { }
                case SiteContentChanged content -> { }
            }
        } catch (RuntimeException | IOException e) {
            log.error("Search index not updated for {}; `reindex` repairs it.", change, e);
        }
    }

    private void applyImported(StoriesImported imported) throws IOException {
        if (index.state() == SearchIndex.State.UNAVAILABLE) {
            log.warn("The search index is not available here: run `reindex` to make imported articles searchable.");
            return;
        }
        index.applyAll(imported.articleIds());
    }
}
