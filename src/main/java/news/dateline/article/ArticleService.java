package news.dateline.article;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of writing articles: one transaction per change, a change-log row with it, slug history kept. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final TagRepository tags;
    private final ChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(ArticleRepository articles, TagRepository tags, ChangeLog changeLog,
            ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.tags = tags;
        this.changeLog = changeLog;
        this.events = events;
        this.clock = clock;
    }

    private void recordChange(long articleId, String kind, Instant now) {
        changeLog.append(articleId, kind, now);
        events.publishEvent(new ArticleChanged(articleId, kind));
    }

    @Transactional
    public long create(NewArticle draft) {
        if (!Slugs.VALID.matcher(draft.slug()).matches()) {
            throw new IllegalArgumentException("Not a valid slug: " + draft.slug());
        }
        Instant now = clock.instant();
        long id = articles.insert(draft, now);
        articles.linkAuthors(id, draft.authorIds());
        articles.linkTags(id, draft.tagNames().stream().distinct().map(tags::idFor).distinct().toList());
        recordChange(id, "created", now);
        return id;
    }

    /** Gives the article a new address; the old one keeps answering with a permanent redirect. */
    @Transactional
    public void changeSlug(long articleId, String newSlug) {
        if (!Slugs.VALID.matcher(newSlug).matches()) {
            throw new IllegalArgumentException("Not a valid slug: " + newSlug);
        }
        Instant now = clock.instant();
        var current = articles.currentAddress(articleId)
                .orElseThrow(() -> new IllegalArgumentException("No article " + articleId));
        if (current.getValue().equals(newSlug)) {
            return;
        }
        articles.retireSlug(articleId, current.getKey(), current.getValue(), now);
        articles.moveTo(articleId, current.getKey(), newSlug, now);
        recordChange(articleId, "moved", now);
    }

    @Transactional
    public void setStatus(long articleId, ArticleStatus status) {
        Instant now = clock.instant();
        articles.setStatus(articleId, status, status == ArticleStatus.PUBLISHED ? now : null, now);
        recordChange(articleId, "status:" + status.column(), now);
    }
}
