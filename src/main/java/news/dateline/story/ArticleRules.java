package news.dateline.story;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import org.springframework.stereotype.Component;

/** What a draft must satisfy before it is stored, with the message each field shows when it does not. */
@Component
class ArticleRules {

    static final int HEADLINE_MAX = 200;
    static final int STANDFIRST_MAX = 600;
    static final int NOTE_MAX = 2_000;

    static final String HEADLINE_REQUIRED = "Write a headline.";
    static final String HEADLINE_TOO_LONG = "Keep the headline to %d characters; it has %d.";
    static final String STANDFIRST_TOO_LONG = "Keep the standfirst to %d characters; it has %d.";
    static final String SECTION_REQUIRED = "Choose a section.";
    static final String SLUG_INVALID = "Use lower-case letters, digits and single hyphens, like flood-defences-hold.";
    static final String SLUG_TAKEN = "Another story in this section already has this slug.";
    static final String SLUG_REQUIRED = "Write a slug: the headline has no letters or digits to make one from.";
    static final String AUTHOR_UNKNOWN = "One of the bylines is not a known author.";
    static final String TAG_INVALID = "Tag \"%s\" needs at least one letter or digit.";
    static final String BODY_REQUIRED = "Write the story before publishing it.";
    static final String SCHEDULE_REQUIRED = "Choose when to publish.";
    static final String SCHEDULE_IN_PAST = "Choose a time in the future.";
    static final String NOTE_REQUIRED = "Say what was corrected: the note is shown to readers.";
    static final String NOTE_TOO_LONG = "Keep the note to %d characters; it has %d.";

    private final EditorialRepository editorial;

    ArticleRules(EditorialRepository editorial) {
        this.editorial = editorial;
    }

    /** The draft with a slug made from the headline when none was given. */
    ArticleDraft completed(ArticleDraft draft) {
        return draft.slug().isEmpty() ? draft.withSlug(Slugs.of(draft.headline())) : draft;
    }

    void check(Long articleId, ArticleDraft d, Intent intent, Instant scheduleAt, String note, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d.headline().isBlank()) {
            problems.put("headline", HEADLINE_REQUIRED);
        } else if (d.headline().length() > HEADLINE_MAX) {
            problems.put("headline", HEADLINE_TOO_LONG.formatted(HEADLINE_MAX, d.headline().length()));
        }
        if (d.standfirst().length() > STANDFIRST_MAX) {
            problems.put("standfirst", STANDFIRST_TOO_LONG.formatted(STANDFIRST_MAX, d.standfirst().length()));
        }
        boolean hasSection = d.sectionId() > 0 && editorial.sectionExists(d.sectionId());
        if (!hasSection) {
            problems.put("section", SECTION_REQUIRED);
        }
        if (d.slug().isEmpty()) {
            if (!d.headline().isBlank()) {
                problems.put("slug", SLUG_REQUIRED);
            }
        } else if (!Slugs.VALID.matcher(d.slug()).matches() || d.slug().length() > 120) {
            problems.put("slug", SLUG_INVALID);
        } else if (hasSection && editorial.slugTaken(d.sectionId(), d.slug(), articleId)) {
            problems.put("slug", SLUG_TAKEN);
        }
        if (editorial.authorsFound(d.authorIds()) != d.authorIds().size()) {
            problems.put("authors", AUTHOR_UNKNOWN);
        }
        d.tagNames().stream().filter(t -> Slugs.of(t).isEmpty()).findFirst()
                .ifPresent(t -> problems.put("tags", TAG_INVALID.formatted(t)));
        boolean goesLive = intent == Intent.PUBLISH || intent == Intent.SCHEDULE || intent == Intent.CORRECT;
        if (goesLive && d.body().isBlank()) {
            problems.put("body", BODY_REQUIRED);
        }
        if (intent == Intent.SCHEDULE) {
            if (scheduleAt == null) {
                problems.put("scheduleAt", SCHEDULE_REQUIRED);
            } else if (!scheduleAt.isAfter(now)) {
                problems.put("scheduleAt", SCHEDULE_IN_PAST);
            }
        }
        if (intent == Intent.CORRECT) {
            String text = note == null ? "" : note.strip();
            if (text.isEmpty()) {
                problems.put("correctionNote", NOTE_REQUIRED);
            } else if (text.length() > NOTE_MAX) {
                problems.put("correctionNote", NOTE_TOO_LONG.formatted(NOTE_MAX, text.length()));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }
}
