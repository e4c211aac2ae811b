package news.dateline.taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of tags: checked names and slugs, delete only when unused, merge one tag into another. Articles whose
 * tags changed get an {@link StoryChanged} each (the search index holds tag names); pages follow
 * {@link TaxonomyChanged}.
 */
@Service
public class TagService {

    private final TagRepository tags;
    private final ChangeLog changes;
    private final Clock clock;

    TagService(TagRepository tags, ChangeLog changes, Clock clock) {
        this.tags = tags;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, String slug) {
        String chosen = TaxonomyRules.slugFor(name, slug);
        check(name, chosen, 0);
        long id = tags.insert(chosen, name.strip());
        recordChange(TaxonomyChanged.Kind.TAG_CREATED);
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
        recordChange(TaxonomyChanged.Kind.TAG_RENAMED);
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
            changes.record(new StoryChanged(articleId, StoryChanged.Kind.TAGS_CHANGED));
        }
        recordChange(TaxonomyChanged.Kind.TAG_MERGED);
    }

    @Transactional
    public void delete(long id) {
        TagSummary tag = existing(id);
        if (tag.articles() > 0) {
            throw Refusal.conflict(TaxonomyRules.TAG_IN_USE.formatted(tag.name(), tag.articles()));
        }
        tags.delete(id);
        recordChange(TaxonomyChanged.Kind.TAG_DELETED);
    }

    private void articlesChanged(long tagId, Instant now) {
        for (long articleId : tags.articleIds(tagId)) {
            changes.record(new StoryChanged(articleId, StoryChanged.Kind.TAGS_CHANGED));
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

    private void recordChange(TaxonomyChanged.Kind kind) {
        changes.record(new TaxonomyChanged(kind));
    }
}
