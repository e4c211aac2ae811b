package news.dateline.story;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import news.dateline.taxonomy.Author;

/**
 * The editor form exactly as typed, so a form that fails validation comes back with every character kept.
 * {@code tags} is comma-separated, and so is {@code bylines}: author slugs in byline order (a multiple select
 * would send them in the order of its options, not the writer's); {@code scheduleAt} is a
 * {@code datetime-local} value in the site's time zone. {@code baseRevision} is the revision the page was showing,
 * so an update for review knows which version of the live story it was written against.
 */
public record ArticleForm(String headline, String standfirst, String slug, String section, String tags,
        String bylines, String dateline, String source, String body, String scheduleAt,
        String correctionNote, String action, String baseRevision, String commentModeration,
        String commentCloseAfterDays) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public ArticleForm {
        headline = Objects.requireNonNullElse(headline, "");
        standfirst = Objects.requireNonNullElse(standfirst, "");
        slug = Objects.requireNonNullElse(slug, "");
        section = Objects.requireNonNullElse(section, "");
        tags = Objects.requireNonNullElse(tags, "");
        bylines = Objects.requireNonNullElse(bylines, "");
        dateline = Objects.requireNonNullElse(dateline, "");
        source = Objects.requireNonNullElse(source, "");
        body = Objects.requireNonNullElse(body, "");
        scheduleAt = Objects.requireNonNullElse(scheduleAt, "");
        correctionNote = Objects.requireNonNullElse(correctionNote, "");
        action = Objects.requireNonNullElse(action, "save");
        baseRevision = Objects.requireNonNullElse(baseRevision, "");
        // the comment settings stay null when the form did not send them (autosave, scripts): nothing to change
    }

    static ArticleForm empty(long defaultSection, Long defaultAuthor, List<Author> known) {
        return new ArticleForm("", "", "", defaultSection > 0 ? String.valueOf(defaultSection) : "", "",
                known.stream().filter(a -> Objects.equals(a.id(), defaultAuthor)).map(Author::slug).findFirst()
                        .orElse(""), "", "", "", "", "", "save", "", "", "");
    }

    static ArticleForm of(EditableArticle article, ZoneId zone, Long baseRevision, List<Author> known) {
        return of(article, article.draft(), zone, baseRevision, known);
    }

    /** The story's form with another text in it (the update waiting for review, opened to bring it up to date). */
    static ArticleForm of(EditableArticle article, ArticleDraft d, ZoneId zone, Long baseRevision,
            List<Author> known) {
        String scheduled = article.scheduledFor() == null ? "" : LOCAL.format(article.scheduledFor().atZone(zone));
        return new ArticleForm(d.headline(), d.standfirst(), d.slug(), String.valueOf(d.sectionId()),
                String.join(", ", d.tagNames()), slugsOf(d.authorIds(), known),
                d.datelinePlace(), d.sourceCredit(), d.body(), scheduled, "", "save",
                baseRevision == null ? "" : String.valueOf(baseRevision), null, null);
    }

    /** The same form showing these comment settings. */
    ArticleForm withCommentSettings(CommentSettingsDesk.Settings settings) {
        return new ArticleForm(headline, standfirst, slug, section, tags, bylines, dateline, source, body, scheduleAt,
                correctionNote, action, baseRevision, settings.moderation(), settings.closeAfterDays());
    }

    /** What the form sent for the comment settings; {@code null} when it sent none. */
    CommentSettingsDesk.Settings commentSettings() {
        return commentModeration == null && commentCloseAfterDays == null ? null
                : new CommentSettingsDesk.Settings(Objects.requireNonNullElse(commentModeration, "").strip(),
                        Objects.requireNonNullElse(commentCloseAfterDays, "").strip());
    }

    /** The option to show selected: what was typed, else the site's default (empty). */
    public String moderationChoice() {
        return commentModeration == null ? "" : commentModeration.strip();
    }

    public String closeAfterDaysText() {
        return commentCloseAfterDays == null ? "" : commentCloseAfterDays;
    }

    private static String slugsOf(List<Long> authorIds, List<Author> known) {
        return authorIds.stream()
                .map(id -> known.stream().filter(a -> a.id() == id).map(Author::slug).findFirst()
                        .orElse(String.valueOf(id)))
                .collect(Collectors.joining(", "));
    }

    /** Bylines in the order written; a name no author has becomes -1, which the write rules report. */
    List<Long> authorIds(List<Author> known) {
        return Arrays.stream(bylines.split(",")).map(String::strip).filter(b -> !b.isEmpty())
                .map(b -> known.stream().filter(a -> a.slug().equalsIgnoreCase(b)).map(Author::id).findFirst()
                        .orElse(-1L))
                .distinct().toList();
    }

    ArticleDraft draft(List<Author> known) {
        // A submitted form sends a textarea's line breaks as CRLF, the autosave's fetch as LF: store one kind, so
        // the revision diff does not see every line of the body changed between an autosave and a save.
        return new ArticleDraft(number(section), slug, headline, lf(standfirst), lf(body), dateline, source,
                authorIds(known),
                Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    }

    /** {@code null} when the page did not say (the story as it is now is then the base). */
    Long basedOn() {
        long base = number(baseRevision);
        return base > 0 ? base : null;
    }

    /** {@code null} when empty or not a date and time; the write rules then ask for one. */
    Instant scheduleInstant(ZoneId zone) {
        try {
            return scheduleAt.isBlank() ? null : LocalDateTime.parse(scheduleAt.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String tagsText() {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
