package news.dateline.taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.ArticleChanged;
import news.dateline.platform.ChangeLog;
import news.dateline.platform.Refusal;
import news.dateline.platform.TaxonomyChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of tags: checked names and slugs, delete only when unused, merge one tag into another. Articles whose
 * tags changed get an {@link ArticleChanged} each (the search index holds tag names); pages follow
 * {@link TaxonomyChanged}.
 */
@Service
public class TagService {

    private final TagRepository tags;
    private final ChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TagService(TagRepository tags, ChangeLog changeLog, ApplicationEventPublisher events, Clock clock) {
        this.tags = tags;
        this.changeLog = changeLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, String slug) {
        String chosen = TaxonomyRules.slugFor(name, slug);
        check(name, chosen, 0);
        long id = tags.insert(chosen, name.strip());
        recordChange("tag:created", clock.instant());
        return id;
    }

    @Transactional
    public void rename(long id, String name, String slug) {
        existing(id);
        String chosen = TaxonomyRules.slugFor(name, slug);
        check(name, chosen, id);
        Instant now = clock.instant();
        tags.update(id, chosen, name.strip());
        articlesChanged(id, now);
        recordChange("tag:renamed", now);
    }

    @Transactional
    public void merge(long from, long into) {
        if (from == into) {
            throw Refusal.invalid(Map.of("into", TaxonomyRules.MERGE_SAME));
        }
        existing(from);
        existing(into);
        Instant now = clock.instant();
        var affected = tags.articleIds(from);
        tags.merge(from, into);
        for (long articleId : affected) {
            changeLog.append(articleId, "tags", now);
            events.publishEvent(new ArticleChanged(articleId, "tags"));
        }
        recordChange("tag:merged", now);
    }

    @Transactional
    public void delete(long id) {
        TagSummary tag = existing(id);
        if (tag.articles() > 0) {
            throw Refusal.conflict(TaxonomyRules.TAG_IN_USE.formatted(tag.name(), tag.articles()));
        }
        tags.delete(id);
        recordChange("tag:deleted", clock.instant());
    }

    private void articlesChanged(long tagId, Instant now) {
        for (long articleId : tags.articleIds(tagId)) {
            changeLog.append(articleId, "tags", now);
            events.publishEvent(new ArticleChanged(articleId, "tags"));
        }
    }

    private void check(String name, String slug, long exceptId) {
        Map<String, String> problems = new LinkedHashMap<>(TaxonomyRules.check(name, slug, false));
        if (!problems.containsKey("slug") && tags.slugTaken(slug, exceptId)) {
            problems.put("slug", TaxonomyRules.TAG_SLUG_TAKEN.formatted(slug));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    private TagSummary existing(long id) {
        return tags.summary(id).orElseThrow(() -> Refusal.notFound("There is no tag " + id + "."));
    }

    private void recordChange(String kind, Instant now) {
        changeLog.append(null, kind, now);
        events.publishEvent(new TaxonomyChanged(kind));
    }
}
