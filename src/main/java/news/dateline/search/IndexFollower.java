package news.dateline.search;

import news.dateline.platform.ArticleChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies each committed article change to the index before the writing request returns, so a story
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
    void articleChanged(ArticleChanged change) {
        try {
            index.apply(change.articleId());
        } catch (RuntimeException e) {
            log.error("Search index not updated for article {} ({}); `reindex` repairs it.", change.articleId(),
                    change.kind(), e);
        }
    }
}
