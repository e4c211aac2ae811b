package news.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the manner of Lucene's TestMoreLikeThis: a small, real index of hand-written stories, and which of
 * them come back for a reader's query and for Related News.
 */
class SearchIndexCorpusTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    static Path dir;

    private static LuceneIndex index;
    private static final Map<Long, String> HEADLINES = new java.util.HashMap<>();

    @BeforeAll
    static void writeCorpus() throws IOException {
        index = LuceneIndex.open(dir.resolve("index"));
        story(1, "business", "Zürich bank raises account fees", "Savers in the city face higher charges.",
                "The bank said fees in Zürich would rise from April. Customers in Geneva are not affected.",
                "ZÜRICH", hoursAgo(30), "Banking");
        story(2, "politics", "Cost-of-Living payments to rise in spring", "Households on benefits get more.",
                "The government confirmed the cost-of-living payments will rise by four per cent.",
                "", hoursAgo(20), "Cost of living");
        story(3, "world", "Flood defences fail as the Ossel bursts its banks",
                "Thousands evacuated from Brennick after the levee gave way.",
                "Flood water poured through the breached levee overnight. Rescue crews evacuated families from "
                        + "Brennick as the river Ossel rose to a record level. The flood defences had been "
                        + "due for repair.", "BRENNICK", hoursAgo(10), "Ossel floods", "Climate");
        story(4, "world", "Rescue teams reach flooded villages along the Ossel",
                "Boats carry supplies to villages cut off by the flood.",
                "Rescue teams reached villages downstream of Brennick, where flood water stands a metre deep. "
                        + "The river Ossel is expected to crest tomorrow.", "", hoursAgo(8), "Ossel floods");
        story(5, "politics", "Levee breach blamed on repair budget cuts",
                "The opposition says flood defences were neglected.",
                "Ministers cut the levee repair budget two years ago, documents show. The breach on the Ossel "
                        + "flooded Brennick.", "", hoursAgo(6), "Ossel floods", "Infrastructure");
        story(6, "science", "Telescope finds water vapour on a distant world",
                "The Meridian telescope reports its first big discovery.",
                "Astronomers using the Meridian telescope detected water vapour in the atmosphere of a "
                        + "super-Earth.", "", hoursAgo(40), "Astronomy");
        story(7, "science", "New telescope sees first light", "The Meridian telescope opens its eye.",
                "The Meridian telescope took its first image last night, a spiral galaxy.", "", hoursAgo(300),
                "Astronomy");
        story(8, "business", "Central bank raises interest rates", "Borrowing costs climb again.",
                "The central bank raised its main interest rates by a quarter point to curb inflation.", "",
                hoursAgo(50), "Interest rates");
        story(9, "business", "Mortgage lenders pass on the rate rise", "Home owners will pay more.",
                "Lenders said the rate rise would be passed on to mortgage holders within a month.", "",
                hoursAgo(45), "Interest rates");
        story(10, "culture", "Film festival gives its top prize to a debut",
                "A first-time director wins in São Paulo.",
                "The jury of the Mostra Horizonte in São Paulo gave its top prize to a debut film.", "SÃO PAULO",
                hoursAgo(70), "Film");
        story(11, "world", "Ossel floods: levee breach forces evacuation of Brennick",
                "An earlier flood on the Ossel.",
                "Flood water poured through a breached levee. Rescue crews evacuated families from Brennick as "
                        + "the river Ossel rose.", "", hoursAgo(24 * 365), "Ossel floods");
        story(12, "culture", "Amateur astronomers gather for the eclipse", "A night out under the stars.",
                "Hundreds of amateur astronomers set up a telescope or binoculars in the park.", "", hoursAgo(5),
                "Astronomy");
        index.refresh();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void accentsAndCaseAreFoldedEitherWay() throws IOException {
        assertThat(search("zurich")).containsExactly(1L);
        assertThat(search("ZÜRICH")).containsExactly(1L);
        assertThat(search("sao paulo")).containsExactly(10L);
    }

    @Test
    void hyphenatedWordsAreFoundTypedWithSpacesOrRunTogether() throws IOException {
        assertThat(search("cost of living")).containsExactly(2L);
        assertThat(search("\"cost of living\" payments")).containsExactly(2L);
        assertThat(search("costofliving")).containsExactly(2L);
        assertThat(search("super earth")).containsExactly(6L);
    }

    @Test
    void wordsAreStemmedSoFloodFindsFloodedAndFloods() throws IOException {
        assertThat(search("flooded")).contains(3L, 4L, 5L, 11L);
        assertThat(search("evacuate")).contains(3L, 11L);
    }

    @Test
    void aPhraseMatchesOnlyWordsInThatOrder() throws IOException {
        assertThat(search("rate rise")).contains(9L);
        assertThat(search("\"rate rise\"")).containsExactly(9L);
        assertThat(search("\"rise rate\"")).isEmpty();
    }

    @Test
    void aHeadlineMatchOutranksABodyMatch() throws IOException {
        List<Long> telescope = search("telescope");
        assertThat(telescope).containsExactlyInAnyOrder(6L, 7L, 12L);
        assertThat(telescope.getLast()).isEqualTo(12L);
    }

    @Test
    void allWordsMustMatchAndExcludedWordsMustNot() throws IOException {
        assertThat(search("bank rates")).containsExactly(8L);
        assertThat(search("telescope -meridian")).containsExactly(12L);
        assertThat(search("zurich | geneva")).containsExactly(1L);
    }

    @Test
    void oddInputIsReadAsTextAndNeverThrows() throws IOException {
        assertThat(search("\"cost of")).containsExactly(2L);
        assertThat(search("telescope)")).contains(6L, 7L, 12L);
        for (String odd : List.of("\"", "((", "*", "-", "|", "\\", "~2", "!!!", "<script>", "' OR 1=1 --",
                "a".repeat(200), "-".repeat(200), "\"\"\"", "🙂", "a*")) {
            SearchHits hits = run(request(odd));
            assertThat(hits).as(odd).isNotNull();
        }
        assertThat(run(request("!!!")).problem()).isEqualTo(SearchHits.Problem.NOTHING_TO_SEARCH);
    }

    @Test
    void everyPayloadLineIsSearchedWithoutAnError() throws IOException {
        assumeTrue(Payloads.present(), "Skipping: " + Payloads.DIR + " is absent");
        for (String payload : Payloads.all()) {
            SearchHits hits = run(request(payload));
            assertThat(hits.hits().size()).as(payload).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void newestFirstIgnoresRelevance() throws IOException {
        assertThat(ids(run(new SearchRequest("telescope", null, null, null, true, 1, 10))))
                .containsExactly(12L, 6L, 7L);
    }

    @Test
    void sectionAndDateFiltersNarrowTheResults() throws IOException {
        assertThat(ids(run(new SearchRequest("telescope", "science", null, null, false, 1, 10))))
                .containsExactlyInAnyOrder(6L, 7L);
        assertThat(ids(run(new SearchRequest("flood", null, hoursAgo(24 * 30), null, false, 1, 10))))
                .containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(ids(run(new SearchRequest("flood", null, null, hoursAgo(24 * 30), false, 1, 10))))
                .containsExactly(11L);
        assertThat(ids(run(new SearchRequest("", "business", null, null, false, 1, 10))))
                .containsExactly(1L, 9L, 8L);
    }

    @Test
    void resultsComeOnePageAtATime() throws IOException {
        SearchHits first = run(new SearchRequest("the", null, null, null, true, 1, 4));
        SearchHits second = run(new SearchRequest("the", null, null, null, true, 2, 4));
        SearchHits beyond = run(new SearchRequest("the", null, null, null, true, 99, 4));
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(8);
        assertThat(ids(first)).hasSize(4).doesNotContainAnyElementsOf(ids(second));
        assertThat(beyond.page()).isEqualTo(first.pages());
        assertThat(ids(beyond)).isNotEmpty();
    }

    @Test
    void snippetsMarkTheReadersWordsAsTheyAppearInTheStory() throws IOException {
        SearchHits.Hit hit = run(request("zurich fees")).hits().getFirst();
        assertThat(marked(hit.headline())).containsExactly("Zürich", "fees");
        assertThat(marked(hit.body())).containsExactly("fees", "Zürich");
        assertThat(hit.headline().text()).isEqualTo("Zürich bank raises account fees");

        SearchHits.Hit hyphen = run(request("cost of living")).hits().getFirst();
        assertThat(marked(hyphen.headline())).containsExactly("Cost-of-Living");
    }

    @Test
    void didYouMeanOffersAWordTheIndexHasWhenNothingMatched() throws IOException {
        SearchHits hits = run(request("telescpe"));
        assertThat(hits.hits()).isEmpty();
        assertThat(hits.suggestion()).isEqualTo("telescope");
        assertThat(run(request("\"Meridan telescope\"")).suggestion()).isEqualTo("\"meridian telescope\"");
        assertThat(run(request("telescope")).suggestion()).isNull();
        assertThat(run(request("xqzvw")).suggestion()).isNull();
    }

    @Test
    void relatedNewsIsTheSameStoryFromOtherAnglesNeverTheStoryItself() throws IOException {
        List<Long> related = related(3, 5);
        assertThat(related).doesNotContain(3L);
        assertThat(related.subList(0, 2)).containsExactlyInAnyOrder(4L, 5L);
        assertThat(related).doesNotContain(10L, 6L, 7L);
    }

    @Test
    void relatedNewsPrefersStoriesFromTheSameDaysOverAnOldTwin() throws IOException {
        List<Long> related = related(3, 5);
        assertThat(related).contains(11L);
        assertThat(related.indexOf(11L)).isGreaterThan(related.indexOf(5L));
    }

    @Test
    void relatedNewsFindsSharedTagsAcrossSections() throws IOException {
        assertThat(related(6, 5)).containsExactlyInAnyOrder(7L, 12L);
        assertThat(related(8, 1)).containsExactly(9L);
    }

    @Test
    void deletedAndReplacedDocumentsAreGoneFromTheNextSearch() throws IOException {
        story(13, "world", "Harbour ferry timetable changes", "", "The harbour ferry runs hourly.", "", hoursAgo(1));
        assertThat(search("ferry")).containsExactly(13L);
        index.upsert(new IndexedArticle(13, "world", "Harbour bus timetable changes", "", "Buses hourly.", "",
                List.of(), hoursAgo(1)), 0);
        assertThat(search("ferry")).isEmpty();
        assertThat(search("bus")).containsExactly(13L);
        index.delete(13);
        assertThat(search("bus")).isEmpty();
        assertThat(related(4, 20)).doesNotContain(13L);
    }

    // --- helpers

    private static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static IndexedArticle article(long id) {
        return ARTICLES.get(id);
    }

    private static final Map<Long, IndexedArticle> ARTICLES = new java.util.HashMap<>();

    private static void story(long id, String section, String headline, String standfirst, String body,
            String place, Instant published, String... tags) throws IOException {
        IndexedArticle article = new IndexedArticle(id, section, headline, standfirst, body, place, List.of(tags),
                published);
        ARTICLES.put(id, article);
        HEADLINES.put(id, headline);
        index.upsert(article, 0);
    }

    private static SearchRequest request(String words) {
        return new SearchRequest(ReaderQuery.clean(words), null, null, null, false, 1, 20);
    }

    private static SearchHits run(SearchRequest request) throws IOException {
        var searcher = index.acquire();
        try {
            return ArticleSearch.search(searcher, request);
        } finally {
            index.release(searcher);
        }
    }

    private static List<Long> search(String words) throws IOException {
        return ids(run(request(words)));
    }

    private static List<Long> ids(SearchHits hits) {
        return hits.hits().stream().map(SearchHits.Hit::articleId).toList();
    }

    private static List<Long> related(long id, int limit) throws IOException {
        var searcher = index.acquire();
        try {
            return RelatedRanking.relatedIds(searcher, article(id), limit);
        } finally {
            index.release(searcher);
        }
    }

    private static List<String> marked(Snippet snippet) {
        List<String> marked = new ArrayList<>();
        snippet.parts().stream().filter(Snippet.Part::marked).forEach(p -> marked.add(p.text()));
        return marked;
    }

    @SuppressWarnings("unused")
    private static String headlines(List<Long> ids) {
        return ids.stream().map(HEADLINES::get).collect(Collectors.joining(" | "));
    }
}
