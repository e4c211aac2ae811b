package news.dateline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.dateline.api.ContentRepository.StoryRow;
import news.dateline.live.LiveEntry;
import news.dateline.live.LiveRepository;
import news.dateline.platform.ApiEndpoint;
import news.dateline.platform.Refusal;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.Slugs;
import news.dateline.search.SearchIndex;
import news.dateline.story.CorrectionRepository;
import news.dateline.story.MarkdownRenderer;
import news.dateline.story.photo.LeadPhoto;
import news.dateline.story.photo.LeadPhotos;
import news.dateline.taxonomy.Author;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The content API (docs/api.md): public, read-only, published stories only, with their sections, tags, authors,
 * corrections and live entries; the sections, tags and authors readers can reach; search. Every answer carries an
 * ETag (304 when unchanged) and {@code Cache-Control: public}; CORS allows any origin to read; one address gets
 * {@code dateline.api.per-minute} requests a minute ({@link ApiRateLimit}).
 */
@RestController
@ApiEndpoint
class ContentApiController {

    private static final Logger log = LoggerFactory.getLogger(ContentApiController.class);

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final String BAD_LIMIT = "Give a number from 1 to " + MAX_LIMIT + ".";
    static final String BAD_SINCE = "Give a time as 2026-03-31T12:00:00Z, or a day as 2026-03-31.";
    static final String NO_SUCH = "There is no %s with the slug \"%s\".";
    static final String NO_QUERY = "Give the words to search for.";
    static final String NO_STORY = "There is no published story %d.";
    static final String SEARCH_DOWN = "Search is not available just now.";

    private final ContentRepository content;
    private final AuthorRepository authors;
    private final CorrectionRepository corrections;
    private final LiveRepository live;
    private final MarkdownRenderer markdown;
    private final SearchIndex search;
    private final LeadPhotos photos;
    private final JsonAnswers answers;
    private final String base;

    ContentApiController(ContentRepository content, AuthorRepository authors, CorrectionRepository corrections,
            LiveRepository live, MarkdownRenderer markdown, SearchIndex search, LeadPhotos photos,
            JsonAnswers answers, SiteProperties site) {
        this.content = content;
        this.authors = authors;
        this.corrections = corrections;
        this.live = live;
        this.markdown = markdown;
        this.search = search;
        this.photos = photos;
        this.answers = answers;
        this.base = site.baseUrl().replaceAll("/+$", "");
    }

    @GetMapping("/api/v1/stories")
    ResponseEntity<byte[]> stories(@RequestParam(required = false) String section,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String author,
            @RequestParam(name = "updated_since", required = false) String updatedSince,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        int size = limit(limit, problems);
        Long sectionId = slug(section, "section", "section", content::sectionId, problems);
        Long tagId = slug(tag, "tag", "tag", content::tagId, problems);
        Long authorId = slug(author, "author", "author", content::authorId, problems);
        Instant since = since(updatedSince, problems);
        Cursor after = null;
        try {
            after = Cursor.decode(cursor).orElse(null);
        } catch (Refusal refused) {
            problems.putAll(refused.fields());
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        List<StoryRow> rows = content.stories(new ContentRepository.Filter(sectionId, tagId, authorId, since), after,
                size + 1);
        List<StoryRow> page = rows.subList(0, Math.min(size, rows.size()));
        String nextCursor = null;
        String next = null;
        if (rows.size() > size) {
            StoryRow last = page.getLast();
            nextCursor = new Cursor(last.publishedAt(), last.id()).encode();
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path("/api/v1/stories");
            Map<String, String> kept = new LinkedHashMap<>();
            kept.put("section", section);
            kept.put("tag", tag);
            kept.put("author", author);
            kept.put("updated_since", updatedSince);
            kept.put("limit", limit);
            kept.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    uri.queryParam(name, value.strip());
                }
            });
            next = uri.queryParam("cursor", nextCursor).encode().build().toUriString();
        }
        return answers.ok(request, new StoryJson.Stories(summaries(page), nextCursor, next));
    }

    @GetMapping("/api/v1/stories/{id}")
    ResponseEntity<byte[]> story(@PathVariable long id, HttpServletRequest request) {
        StoryRow row = content.story(id).orElseThrow(() -> Refusal.notFound(NO_STORY.formatted(id)));
        List<Author> bylines = authors.bylinesOf(List.of(id)).getOrDefault(id, List.of());
        List<Tag> tags = content.tagsOf(List.of(id)).getOrDefault(id, List.of());
        List<StoryJson.Correction> notes = corrections.of(id).stream()
                .map(c -> new StoryJson.Correction(StoryJson.time(c.createdAt()), c.note())).toList();
        StoryJson.Live coverage = null;
        if (row.liveSince() != null) {
            coverage = new StoryJson.Live(StoryJson.time(row.liveSince()), StoryJson.time(row.liveEndedAt()),
                    live.entries(id).stream().map(this::entry).toList());
        }
        return answers.ok(request, new StoryJson.FullStory(row.id(), url(path(row)), row.headline(),
                row.standfirst(), section(row), bylines.stream().map(this::author).toList(),
                tags.stream().map(this::tag).toList(), StoryJson.time(row.publishedAt()),
                StoryJson.time(row.updatedAt()), row.datelinePlace(), row.sourceCredit(),
                markdown.toHtml(row.body(), row.datelinePlace()), row.body(), notes, coverage,
                StoryJson.LeadImage.of(photos.of(id).orElse(null), base)));
    }

    @GetMapping("/api/v1/sections")
    ResponseEntity<byte[]> sections(HttpServletRequest request) {
        return answers.ok(request, new StoryJson.Sections(content.sections().stream()
                .map(s -> named(s, "/" + s.slug() + "/")).toList()));
    }

    @GetMapping("/api/v1/tags")
    ResponseEntity<byte[]> tags(HttpServletRequest request) {
        return answers.ok(request, new StoryJson.Tags(content.tags().stream()
                .map(t -> named(t, "/tag/" + t.slug())).toList()));
    }

    @GetMapping("/api/v1/authors")
    ResponseEntity<byte[]> authors(HttpServletRequest request) {
        return answers.ok(request, new StoryJson.Authors(content.authors().stream()
                .map(a -> named(a, "/author/" + a.slug())).toList()));
    }

    @GetMapping("/api/v1/search")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String limit, HttpServletRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        int size = limit(limit, problems);
        if (q == null || q.isBlank()) {
            problems.put("q", NO_QUERY);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        List<Long> ids;
        try {
            ids = search.bestMatches(q.strip(), size);
        } catch (IOException | RuntimeException e) {
            log.warn("API search failed for {}", q, e);
            throw Refusal.busy();
        }
        Map<Long, StoryRow> found = new LinkedHashMap<>();
        for (long id : ids) {
            content.story(id).ifPresent(row -> found.put(id, row)); // unpublished since the index saw it: left out
        }
        return answers.ok(request, new StoryJson.SearchResults(q.strip(), summaries(new ArrayList<>(found.values()))));
    }

    private List<StoryJson.Story> summaries(List<StoryRow> rows) {
        List<Long> ids = rows.stream().map(StoryRow::id).toList();
        Map<Long, List<Author>> bylines = authors.bylinesOf(ids);
        Map<Long, List<Tag>> tags = content.tagsOf(ids);
        Map<Long, LeadPhoto> pictures = photos.ofAll(ids); // one read for the page, not one per story
        return rows.stream().map(row -> new StoryJson.Story(row.id(), url(path(row)), row.headline(),
                row.standfirst(), section(row),
                bylines.getOrDefault(row.id(), List.of()).stream().map(this::author).toList(),
                tags.getOrDefault(row.id(), List.of()).stream().map(this::tag).toList(),
                StoryJson.time(row.publishedAt()), StoryJson.time(row.updatedAt()),
                row.liveSince() != null && row.liveEndedAt() == null,
                StoryJson.LeadImage.of(pictures.get(row.id()), base))).collect(Collectors.toList());
    }

    private StoryJson.Entry entry(LiveEntry entry) {
        return new StoryJson.Entry(entry.id(), markdown.toHtml(entry.body()), entry.body(), entry.keyEvent(),
                StoryJson.time(entry.createdAt()), StoryJson.time(entry.editedAt()));
    }

    private StoryJson.Ref section(StoryRow row) {
        return new StoryJson.Ref(row.section().slug(), row.section().name(), url(row.section().path()));
    }

    private StoryJson.Ref author(Author author) {
        return new StoryJson.Ref(author.slug(), author.name(), url(author.path()));
    }

    private StoryJson.Ref tag(Tag tag) {
        return new StoryJson.Ref(tag.slug(), tag.name(), url(tag.path()));
    }

    private StoryJson.Named named(ContentRepository.Named named, String path) {
        return new StoryJson.Named(named.slug(), named.name(), named.description(), url(Slugs.inUrl(path)),
                named.stories());
    }

    private static String path(StoryRow row) {
        return Slugs.inUrl("/" + row.section().slug() + "/" + row.slug());
    }

    private String url(String path) {
        return base + path;
    }

    private static int limit(String typed, Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(typed.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.put("limit", BAD_LIMIT);
        return DEFAULT_LIMIT;
    }

    private static Long slug(String typed, String field, String what, Function<String, Optional<Long>> find,
            Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Optional<Long> id = find.apply(typed.strip());
        if (id.isEmpty()) {
            problems.put(field, NO_SUCH.formatted(what, typed.strip()));
            return null;
        }
        return id.get();
    }

    private static Instant since(String typed, Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.put("updated_since", BAD_SINCE);
            return null;
        }
    }
}
