package news.dateline.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.dateline.platform.Moments;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.change.UntilChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import news.dateline.story.ArticleRepository;
import news.dateline.story.Teaser;
import news.dateline.story.photo.CardPhoto;
import news.dateline.story.photo.LeadPhotos;
import news.dateline.taxonomy.Section;
import news.dateline.taxonomy.SectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search}: whatever arrives in the query string gets a page of results or a plain explanation,
 * never an error. Parameters: {@code q}, {@code section} (slug), {@code from} and {@code to} (YYYY-MM-DD,
 * inclusive, in the site's time zone), {@code sort=newest}, {@code page}.
 */
@Controller
class SearchController {

    static final String NOTHING_TO_SEARCH = "Type a word or two to search for.";
    static final String NO_MATCH = "No stories match “%s”. Try fewer or different words, or remove a filter.";
    static final String NO_MATCH_FILTERED = "No stories match these filters.";
    static final String TOO_COMPLEX = "That search is too complex for us. Try fewer words.";
    static final String UNAVAILABLE = "Search is unavailable for a moment. Please try again shortly.";
    static final String REBUILDING = "We are rebuilding the search index, so some stories may be missing for a few minutes.";
    static final String NO_SUCH_SECTION = "There is no section “%s”, so all sections were searched.";
    static final String NOT_A_DATE = "“%s” is not a date we can read (use YYYY-MM-DD), so it was left out.";
    static final String DATES_SWAPPED = "The dates were the wrong way round, so we swapped them.";

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);
    private static final int PAGE_SIZE = 10;

    private final SearchIndex index;
    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final Moments moments;
    private final ZoneId zone;
    private final ObjectProvider<LeadPhotos> photos;
    private final UntilChanged untilChanged;
    /** A few thousand recent searches' pages of hits (10 hits with their snippets each). */
    private final Cache<Searched, SearchHits> kept = Caffeine.newBuilder().maximumSize(2_000).build();

    private record AllSections() {
    }

    SearchController(SearchIndex index, ArticleRepository articles, SectionRepository sections, Moments moments,
            SiteProperties site, ObjectProvider<LeadPhotos> photos, UntilChanged untilChanged) {
        this.untilChanged = untilChanged;
        this.photos = photos;
        this.index = index;
        this.articles = articles;
        this.sections = sections;
        this.moments = moments;
        this.zone = site.timeZone();
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String section,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model) {
        String query = ReaderQuery.clean(q);
        List<String> notices = new ArrayList<>();
        List<Section> allSections = untilChanged.get(new AllSections(), sections::all);
        String sectionSlug = knownSection(ReaderQuery.clean(section), allSections, notices);
        String fromText = ReaderQuery.clean(from);
        String toText = ReaderQuery.clean(to);
        LocalDate fromDate = date(fromText, notices);
        LocalDate toDate = date(toText, notices);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            LocalDate swap = fromDate;
            fromDate = toDate;
            toDate = swap;
            notices.add(DATES_SWAPPED);
        }
        boolean newest = "newest".equals(sort);
        SearchRequest request = new SearchRequest(query, sectionSlug,
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(),
                newest, pageNumber(page), PAGE_SIZE);
        SearchLinks links = new SearchLinks(query, sectionSlug, fromDate == null ? fromText : fromDate.toString(),
                toDate == null ? toText : toDate.toString(), newest);

        boolean searched = !query.isEmpty() || request.hasFilters();
        SearchHits hits = searched ? run(request, notices) : SearchHits.none(SearchHits.Problem.NOTHING_TO_SEARCH);
        List<SearchResult> results = results(hits);
        model.addAttribute("search", new SearchPage(query, sectionSlug == null ? "" : sectionSlug,
                fromDate == null ? fromText : fromDate.toString(), toDate == null ? toText : toDate.toString(),
                newest, allSections, searched, summary(hits, query), results,
                searched && results.isEmpty() ? emptyMessage(hits, query) : null,
                hits.suggestion(), hits.suggestion() == null ? null : links.withQuery(hits.suggestion()),
                List.copyOf(notices), hits.page(), hits.pages(),
                hits.page() > 1 ? links.page(hits.page() - 1) : null,
                hits.page() < hits.pages() ? links.page(hits.page() + 1) : null,
                links.sortedBy(false), links.sortedBy(true)));
        return "search/results";
    }

    private SearchHits run(SearchRequest request, List<String> notices) {
        SearchIndex.State state = index.state();
        if (state == SearchIndex.State.REBUILDING) {
            notices.add(REBUILDING);
        }
        try {
            return index.readKnowingContent((searcher, content) -> searched(searcher, content, request));
        } catch (IOException | RuntimeException e) {
            log.warn("Search failed for {}", request, e);
            notices.add(UNAVAILABLE);
            return SearchHits.none(SearchHits.Problem.NONE);
        }
    }

    /**
     * The hits for a search, kept per content generation of the index ({@link LuceneIndex#contentGeneration}, as
     * Related News' rankings): the same words on the same documents give the same page, so a search many readers
     * make (a breaking story's name) is ranked and highlighted once until a story changes. Nothing to invalidate.
     */
    private SearchHits searched(org.apache.lucene.search.IndexSearcher searcher, long content, SearchRequest request)
            throws IOException {
        try {
            return kept.get(new Searched(request, content), key -> {
                try {
                    return ArticleSearch.search(searcher, request);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Searched(SearchRequest request, long contentGeneration) {
    }

    /** The stories' rows and their card photos for a page of hits, read once per change (UntilChanged). */
    private record Stories(List<Long> ids) {
    }

    private record Pictures(List<Long> ids) {
    }

    private List<SearchResult> results(SearchHits hits) {
        List<Long> ids = hits.hits().stream().map(SearchHits.Hit::articleId).toList();
        Map<Long, Teaser> stories = untilChanged.get(new Stories(ids), () -> articles.publishedTeasers(ids)).stream()
                .collect(Collectors.toMap(Teaser::id, Function.identity()));
        LeadPhotos library = photos.getIfAvailable();
        Map<Long, CardPhoto> pictures = library == null || stories.isEmpty() ? Map.of()
                : untilChanged.get(new Pictures(List.copyOf(stories.keySet())),
                        () -> library.onCards(stories.keySet()));
        List<SearchResult> results = new ArrayList<>();
        for (SearchHits.Hit hit : hits.hits()) {
            Teaser story = stories.get(hit.articleId());
            if (story == null) {
                continue; // unpublished since the index saw it
            }
            Snippet headline = hit.headline() != null ? hit.headline() : Snippet.plain(story.headline());
            Snippet snippet = hit.body() != null ? hit.body()
                    : hit.standfirst() != null ? hit.standfirst() : Snippet.plain(story.standfirst());
            results.add(new SearchResult(story.path(), headline, story.section(), moments.of(story.publishedAt()),
                    snippet, pictures.get(story.id())));
        }
        return results;
    }

    private static String summary(SearchHits hits, String query) {
        if (hits.total() == 0) {
            return null;
        }
        String count = hits.totalIsLowerBound() ? "More than %,d stories".formatted(hits.total())
                : hits.total() == 1 ? "1 story" : "%,d stories".formatted(hits.total());
        return query.isEmpty() ? count : count + " for “" + query + "”";
    }

    private static String emptyMessage(SearchHits hits, String query) {
        return switch (hits.problem()) {
            case NOTHING_TO_SEARCH -> NOTHING_TO_SEARCH;
            case TOO_COMPLEX -> TOO_COMPLEX;
            case NONE -> query.isEmpty() ? NO_MATCH_FILTERED : NO_MATCH.formatted(query);
        };
    }

    private static String knownSection(String slug, List<Section> sections, List<String> notices) {
        if (slug.isEmpty()) {
            return null;
        }
        if (sections.stream().anyMatch(s -> s.slug().equals(slug))) {
            return slug;
        }
        notices.add(NO_SUCH_SECTION.formatted(slug));
        return null;
    }

    private static LocalDate date(String text, List<String> notices) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        notices.add(NOT_A_DATE.formatted(text));
        return null;
    }

    private static int pageNumber(String value) {
        try {
            return Math.clamp(Long.parseLong(value == null ? "1" : value.strip()), 1, ArticleSearch.MAX_HITS);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
