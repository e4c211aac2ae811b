package news.dateline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.ApiEndpoint;
import news.dateline.platform.Refusal;
import news.dateline.platform.SignedIn;
import news.dateline.platform.Slugs;
import news.dateline.story.ArticleDraft;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.Intent;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (docs/api.md): with a bearer token (account.token.ApiTokenFilter has put the token's account and
 * role on the request), create, update, publish, schedule and unpublish stories and post live entries, through
 * {@link AdminStories}. Bodies are JSON objects read by {@link AdminBody}; answers are the story as it now is, with
 * its version as the ETag.
 */
@RestController
@ApiEndpoint
class AdminApiController {

    static final Set<String> STORY_FIELDS = Set.of("headline", "standfirst", "body", "section", "slug", "tags",
            "authors", "dateline", "source");
    static final String NO_SECTION = "There is no section with the slug \"%s\".";
    static final String NO_AUTHOR = "There is no author with the slug \"%s\".";
    static final String BAD_AT = "Give a time as 2026-03-31T12:00:00Z.";

    /** The story rules' field names, as the API's JSON names them. */
    private static final Map<String, String> FIELD_NAMES = Map.of("scheduleAt", "at", "form", "story");

    record AdminStory(long id, long version, String status, String headline, String standfirst, String section,
            String slug, String bodyMarkdown, List<String> tags, List<String> authors, String dateline, String source,
            String publishedAt, String updatedAt, String scheduledFor, String path) {
    }

    record PostedEntry(long id, long storyId) {
    }

    private final AdminStories stories;
    private final EditorialRepository editorial;
    private final ContentRepository content;

    AdminApiController(AdminStories stories, EditorialRepository editorial, ContentRepository content) {
        this.stories = stories;
        this.editorial = editorial;
        this.content = content;
    }

    @GetMapping("/api/v1/admin/stories/{id}")
    ResponseEntity<byte[]> read(@PathVariable long id) {
        return answer(HttpStatus.OK, stories.read(id));
    }

    @PostMapping("/api/v1/admin/stories")
    ResponseEntity<byte[]> create(HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody body = AdminBody.read(request, STORY_FIELDS);
        AdminStories.Current created = translated(() -> stories.create(draft(body, null), by));
        return ResponseEntity.created(URI.create("/api/v1/admin/stories/" + created.article().id()))
                .eTag(etag(created)).contentType(MediaType.APPLICATION_JSON)
                .body(JsonAnswers.JSON.writeValueAsBytes(json(created)));
    }

    @PatchMapping("/api/v1/admin/stories/{id}")
    ResponseEntity<byte[]> update(@PathVariable long id, HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody body = AdminBody.read(request, STORY_FIELDS);
        EditableArticle current = editorial.find(id)
                .orElseThrow(() -> Refusal.notFound(AdminStories.NO_STORY.formatted(id)));
        ArticleDraft draft = draft(body, current);
        return answer(HttpStatus.OK, translated(() -> stories.update(id, request.getHeader(HttpHeaders.IF_MATCH),
                draft, by)));
    }

    @PostMapping("/api/v1/admin/stories/{id}/publish")
    ResponseEntity<byte[]> publish(@PathVariable long id, HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody.read(request, Set.of());
        return answer(HttpStatus.OK, translated(() -> stories.change(id, request.getHeader(HttpHeaders.IF_MATCH),
                Intent.PUBLISH, null, by)));
    }

    @PostMapping("/api/v1/admin/stories/{id}/unpublish")
    ResponseEntity<byte[]> unpublish(@PathVariable long id, HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody.read(request, Set.of());
        return answer(HttpStatus.OK, translated(() -> stories.change(id, request.getHeader(HttpHeaders.IF_MATCH),
                Intent.UNPUBLISH, null, by)));
    }

    @PostMapping("/api/v1/admin/stories/{id}/schedule")
    ResponseEntity<byte[]> schedule(@PathVariable long id, HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody body = AdminBody.read(request, Set.of("at"));
        Map<String, String> problems = new LinkedHashMap<>();
        String typed = body.text("at", problems);
        Instant at = null;
        if (typed != null) {
            try {
                at = OffsetDateTime.parse(typed.strip()).toInstant();
            } catch (DateTimeParseException e) {
                problems.put("at", BAD_AT);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Instant when = at;
        return answer(HttpStatus.OK, translated(() -> stories.change(id, request.getHeader(HttpHeaders.IF_MATCH),
                Intent.SCHEDULE, when, by)));
    }

    @PostMapping("/api/v1/admin/stories/{id}/live/entries")
    ResponseEntity<byte[]> postLiveEntry(@PathVariable long id, HttpServletRequest request) throws IOException {
        ActingAccount by = acting(request);
        AdminBody body = AdminBody.read(request, Set.of("body", "key_event"));
        Map<String, String> problems = new LinkedHashMap<>();
        String text = body.text("body", problems);
        boolean keyEvent = body.bool("key_event", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long entry = translated(() -> stories.postLiveEntry(id, text == null ? "" : text, keyEvent, by));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(JsonAnswers.JSON.writeValueAsBytes(new PostedEntry(entry, id)));
    }

    /** The fields sent, over the story's current ones for an update; slugs of sections and authors resolved. */
    private ArticleDraft draft(AdminBody body, EditableArticle current) {
        Map<String, String> problems = new LinkedHashMap<>();
        ArticleDraft now = current == null ? null : current.draft();
        String headline = body.text("headline", problems);
        String standfirst = body.text("standfirst", problems);
        String text = body.text("body", problems);
        String slug = body.text("slug", problems);
        String dateline = body.text("dateline", problems);
        String source = body.text("source", problems);
        String section = body.text("section", problems);
        List<String> tags = body.texts("tags", problems);
        List<String> authors = body.texts("authors", problems);
        long sectionId = now == null ? 0 : now.sectionId();
        if (section != null) {
            sectionId = content.sectionId(section.strip()).orElse(0L);
            if (sectionId == 0) {
                problems.put("section", NO_SECTION.formatted(section.strip()));
            }
        }
        List<Long> authorIds = now == null ? List.of() : now.authorIds();
        if (authors != null) {
            authorIds = authors.stream().map(a -> content.authorId(a.strip()).orElseGet(() -> {
                problems.put("authors", NO_AUTHOR.formatted(a.strip()));
                return -1L;
            })).toList();
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return new ArticleDraft(sectionId,
                slug != null ? slug : now == null ? "" : now.slug(),
                headline != null ? headline : now == null ? "" : now.headline(),
                standfirst != null ? standfirst : now == null ? "" : now.standfirst(),
                text != null ? text.replace("\r\n", "\n") : now == null ? "" : now.body(),
                dateline != null ? dateline : now == null ? "" : now.datelinePlace(),
                source != null ? source : now == null ? "" : now.sourceCredit(),
                authorIds, tags != null ? tags : now == null ? List.of() : now.tagNames());
    }

    private ResponseEntity<byte[]> answer(HttpStatus status, AdminStories.Current story) {
        return ResponseEntity.status(status).eTag(etag(story)).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(JsonAnswers.JSON.writeValueAsBytes(json(story)));
    }

    private AdminStory json(AdminStories.Current current) {
        EditableArticle a = current.article();
        ArticleDraft d = a.draft();
        List<String> authorSlugs = editorial.bylines(a.id()).stream().map(Author::slug).toList();
        List<String> tagNames = editorial.tags(a.id()).stream().map(Tag::name).toList();
        return new AdminStory(a.id(), current.version(), a.status().name().toLowerCase(java.util.Locale.ROOT),
                d.headline(), d.standfirst(), a.sectionSlug(), d.slug(), d.body(), tagNames, authorSlugs,
                d.datelinePlace(), d.sourceCredit(), StoryJson.time(a.publishedAt()), StoryJson.time(a.updatedAt()),
                StoryJson.time(a.scheduledFor()), Slugs.inUrl("/" + a.sectionSlug() + "/" + d.slug()));
    }

    private static String etag(AdminStories.Current story) {
        return "\"" + story.version() + "\"";
    }

    private static ActingAccount acting(HttpServletRequest request) {
        SignedIn as = SignedIn.of(request).orElseThrow(() -> Refusal.forbidden("Send an API token."));
        return new ActingAccount(as.accountId(), as.username(), as.role(), as.authorId());
    }

    private interface Write<T> {
        T run();
    }

    /** The story rules name the editor's fields; the API's names are given back. */
    private static <T> T translated(Write<T> write) {
        try {
            return write.run();
        } catch (Refusal refused) {
            if (refused.fields().keySet().stream().noneMatch(FIELD_NAMES::containsKey)) {
                throw refused;
            }
            Map<String, String> renamed = new LinkedHashMap<>();
            refused.fields().forEach((field, message) -> renamed.put(FIELD_NAMES.getOrDefault(field, field), message));
            throw Refusal.malformed(refused.status(), refused.getMessage(), renamed);
        }
    }
}
