package news.dateline.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import news.dateline.platform.ActingAccount;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.story.NewArticle;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.SectionRepository;

/** Writes a story straight through the article service, as the newsroom would, with test-unique slugs. */
public final class StoryBuilder {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final RunningSite running;
    private String section = "world";
    private String headline;
    private String slug;
    private String standfirst = "A standfirst written for a test.";
    private String body = "A body written for a test.";
    private String dateline = "";
    private String source = "";
    private ArticleStatus status = ArticleStatus.PUBLISHED;
    private Instant publishedAt; // null: now, by the site's clock (other journeys may have moved it ahead)
    private boolean publishedAtChosen;
    private Instant updatedAt;
    private final List<String> authors = new ArrayList<>(List.of("amara-osei"));
    private final List<String> tags = new ArrayList<>();

    StoryBuilder(RunningSite running, String headline) {
        this.running = running;
        this.headline = headline;
        this.slug = "test-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    public static StoryBuilder story(RunningSite site, String headline) {
        return new StoryBuilder(site, headline);
    }

    public StoryBuilder in(String sectionSlug) { this.section = sectionSlug; return this; }
    public StoryBuilder standfirst(String text) { this.standfirst = text; return this; }
    public StoryBuilder body(String markdown) { this.body = markdown; return this; }
    public StoryBuilder dateline(String place) { this.dateline = place; return this; }
    public StoryBuilder source(String credit) { this.source = credit; return this; }
    public StoryBuilder draft() { this.status = ArticleStatus.DRAFT; this.publishedAt = null; this.publishedAtChosen = true; return this; }
    public StoryBuilder publishedAt(Instant at) { this.publishedAt = at; this.publishedAtChosen = true; return this; }
    public StoryBuilder updatedAt(Instant at) { this.updatedAt = at; return this; }
    public StoryBuilder by(String... authorSlugs) { authors.clear(); authors.addAll(List.of(authorSlugs)); return this; }
    public StoryBuilder tagged(String... names) { tags.addAll(List.of(names)); return this; }

    public Written write() {
        var sections = running.bean(SectionRepository.class);
        var authorRepository = running.bean(AuthorRepository.class);
        long sectionId = sections.findBySlug(section).orElseThrow().id();
        List<Long> authorIds = authors.stream()
                .map(a -> authorRepository.findBySlug(a).orElseThrow().id())
                .toList();
        Instant siteNow = running.bean(java.time.Clock.class).instant();
        Instant at = publishedAtChosen ? publishedAt : (siteNow.isAfter(Instant.now()) ? siteNow : Instant.now());
        // Filed as the site itself, through the same door as the sample site: role check, revision, recorded change.
        long id = running.bean(ArticleService.class).create(new NewArticle(sectionId, slug, headline, standfirst, body,
                dateline, source, status, at, updatedAt, authorIds, tags), ActingAccount.SITE);
        return new Written(id, "/" + section + "/" + slug, headline);
    }

    public record Written(long id, String path, String headline) {
    }
}
