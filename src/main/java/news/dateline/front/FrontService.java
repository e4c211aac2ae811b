package news.dateline.front;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.Refusal;
import news.dateline.platform.change.ChangeLog;
import news.dateline.platform.change.SiteChanged;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the front page: only published stories, each chosen once (lead, top stories, pins), a pin only in
 * its own section, order numbers whole numbers. One transaction stores the choices and records
 * {@link SiteChanged.Kind#FRONT}, which drops the home and section pages from the cache on every node.
 */
@Service
class FrontService {

    static final String NOT_PUBLISHED = "This story is not published; choose another.";
    static final String NOT_A_NUMBER = "Give a whole number, like 1.";
    static final String NOT_IN_SECTION = "This story is not in this section.";

    private final FrontRepository front;
    private final ArticleRepository articles;
    private final ChangeLog changes;

    FrontService(FrontRepository front, ArticleRepository articles, ChangeLog changes) {
        this.front = front;
        this.articles = articles;
        this.changes = changes;
    }

    @Transactional
    public void save(FrontForm form) {
        FrontPicks picks = check(form);
        front.replace(picks);
        changes.record(new SiteChanged(SiteChanged.Kind.FRONT));
    }

    /** The choices the form makes, or a refusal naming each field's problem. */
    private FrontPicks check(FrontForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Long, String> chosenAs = new HashMap<>();
        Long lead = story(form.lead(), "lead", problems);
        if (lead != null) {
            chosenAs.put(lead, "the lead story");
        }
        record Numbered(long story, long order, int row) {
        }
        List<Numbered> top = new ArrayList<>();
        for (FrontForm.Row row : form.rows()) {
            Long story = story(row.story(), row.storyField(), problems);
            long order = row.number();
            if (!row.order().isEmpty()) {
                try {
                    order = Long.parseLong(row.order());
                } catch (NumberFormatException e) {
                    problems.put(row.orderField(), NOT_A_NUMBER);
                }
            }
            if (story == null) {
                continue;
            }
            String already = chosenAs.putIfAbsent(story, "top story " + row.number());
            if (already != null) {
                problems.put(row.storyField(), "Already chosen as " + already + ".");
            } else {
                top.add(new Numbered(story, order, row.number()));
            }
        }
        Map<Long, Long> pins = new LinkedHashMap<>();
        for (var pin : form.pins().entrySet()) {
            String field = "pin-" + pin.getKey();
            Long story = story(pin.getValue(), field, problems);
            if (story == null) {
                continue;
            }
            var teaser = articles.publishedTeasers(List.of(story)).stream().findFirst();
            if (teaser.isPresent() && teaser.get().section().id() != pin.getKey()) {
                problems.put(field, NOT_IN_SECTION);
            } else {
                pins.put(pin.getKey(), story);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The front page was not changed: see the fields marked below.", problems);
        }
        List<Long> ordered = top.stream()
                .sorted(Comparator.comparingLong(Numbered::order).thenComparingInt(Numbered::row))
                .map(Numbered::story).toList();
        return new FrontPicks(lead, ordered, pins);
    }

    /** The published story a field names, null when it names none; a problem when it names no published story. */
    private Long story(String value, String field, Map<String, String> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            List<Teaser> found = articles.publishedTeasers(List.of(id));
            if (!found.isEmpty()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through: names no story
        }
        problems.put(field, NOT_PUBLISHED);
        return null;
    }
}
