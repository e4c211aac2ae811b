package news.dateline.platform.cache;

import news.dateline.platform.ArticleChanged;
import news.dateline.platform.CommentChanged;
import news.dateline.platform.LiveEntryChanged;
import news.dateline.platform.TaxonomyChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps the page cache in step with committed changes on this node. */
@Component
class PageCacheInvalidation {

    private final PageCache cache;

    PageCacheInvalidation(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleChanged change) {
        cache.articleChanged(change.articleId());
    }

    /** A comment went public or stopped being public: only its article's page shows it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CommentChanged change) {
        cache.articlePageChanged(change.articleId());
    }

    /** Every page's navigation lists the sections, and tag names show on article pages and listings. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaxonomyChanged change) {
        cache.clear();
    }

    /** Live entries show only on their article's page. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LiveEntryChanged change) {
        cache.articlePageChanged(change.articleId());
    }
}
