package news.dateline.taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.StoryChanged;
import news.dateline.platform.change.TaxonomyChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rules of the section list: names and slugs checked, a renamed section's old address kept (301), only an
 * empty section deleted. Each change is one transaction with a change-log row; the page cache follows
 * {@link TaxonomyChanged}, and the search index an {@link StoryChanged} per article whose section slug changed.
 */
@Service
public class SectionService {

    private final SectionRepository sections;
    private final ChangeLog changes;
    private final Clock clock;

    SectionService(SectionRepository sections, ChangeLog changes, Clock clock) {
        this.sections = sections;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, String slug, String description) {
        String chosen = TaxonomyRules.slugFor(name, slug);
        check(name, chosen, 0);
        long id = sections.insert(chosen, name.strip(), description == null ? "" : description.strip(),
                sections.nextPosition());
        sections.forgetOldSlug(chosen);
        recordChange(TaxonomyChanged.Kind.SECTION_CREATED);
        return id;
    }

    @Transactional
    public void rename(long id, String name, String slug, String description) {
        SectionSummary current = existing(id);
        String chosen = TaxonomyRules.slugFor(name, slug);
        check(name, chosen, id);
        Instant now = clock.instant();
        sections.update(id, current.slug(), chosen, name.strip(), description == null ? "" : description.strip(),
                now.toEpochMilli());
        if (!current.slug().equals(chosen)) {
            for (long articleId : sections.articleIds(id)) {
                changes.record(new StoryChanged(articleId, StoryChanged.Kind.MOVED));
            }
        }
        recordChange(TaxonomyChanged.Kind.SECTION_RENAMED);
    }

    /** One place up ({@code -1}) or down ({@code +1}) in the menu. */
    @Transactional
    public void move(long id, int direction) {
        List<SectionSummary> order = new java.util.ArrayList<>(sections.summaries());
        int at = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == id) {
                at = i;
            }
        }
        if (at < 0) {
            throw Refusal.notFound("There is no section " + id + ".");
        }
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(at));
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i) {
                sections.setPosition(order.get(i).id(), i);
            }
        }
        recordChange(TaxonomyChanged.Kind.SECTION_MOVED);
    }

    @Transactional
    public void delete(long id) {
        SectionSummary section = existing(id);
        if (section.articles() > 0) {
            throw Refusal.conflict(TaxonomyRules.SECTION_NOT_EMPTY.formatted(section.name(), section.articles()));
        }
        sections.delete(id);
        recordChange(TaxonomyChanged.Kind.SECTION_DELETED);
    }

    private void check(String name, String slug, long exceptId) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(TaxonomyRules.check(name, slug, true));
        if (!problems.containsKey("slug") && sections.slugTaken(slug, exceptId)) {
            problems.put("slug", TaxonomyRules.SECTION_SLUG_TAKEN.formatted(slug));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    private SectionSummary existing(long id) {
        return sections.summary(id).orElseThrow(() -> Refusal.notFound("There is no section " + id + "."));
    }

    private void recordChange(TaxonomyChanged.Kind kind) {
        changes.record(new TaxonomyChanged(kind));
    }
}
