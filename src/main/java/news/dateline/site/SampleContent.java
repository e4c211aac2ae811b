package news.dateline.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.dateline.platform.ActingAccount;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleStatus;
import news.dateline.story.NewArticle;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.PhotoArchive;
import news.dateline.story.photo.PhotoIntake;
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.SectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the sample site written for Dateline (src/main/resources/sample), so
 * that the first start shows a real-looking news site. Publication times are relative to that start.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "dateline.sample-content", matchIfMissing = true)
class SampleContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleContent.class);
    static final String COPYRIGHT = "Made for Dateline's sample site, dedicated to the public domain (CC0 1.0)";

    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final ArticleService articles;
    private final Clock clock;
    private final PhotoIntake photos;
    private final PhotoArchive library;
    private final LeadPhotoDesk leads;
    private final boolean withPhotos;
    private final TransactionTemplate transactions;

    SampleContent(SectionRepository sections, AuthorRepository authors, ArticleService articles, Clock clock,
            PhotoIntake photos, PhotoArchive library, LeadPhotoDesk leads,
            @Value("${dateline.sample-photos:true}") boolean withPhotos, PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
        this.photos = photos;
        this.library = library;
        this.leads = leads;
        this.withPhotos = withPhotos;
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!sections.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        var resolver = new PathMatchingResourcePatternResolver();
        Map<String, Long> sectionIds = new HashMap<>();
        int position = 0;
        for (String[] line : rows(resolver.getResource("classpath:sample/sections.txt"))) {
            sectionIds.put(line[0], sections.insert(line[0], line[1], line[2], position++));
        }
        Map<String, Long> authorIds = new HashMap<>();
        for (String[] line : rows(resolver.getResource("classpath:sample/authors.txt"))) {
            authorIds.put(line[0], authors.insert(line[0], line[1], line[2]));
        }
        Resource[] files = resolver.getResources("classpath:sample/articles/*.md");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        Instant now = clock.instant();
        Map<String, Long> storyIds = new HashMap<>();
        for (Resource file : files) {
            NewArticle article = parse(file, sectionIds, authorIds, now);
            storyIds.put(article.slug(), articles.create(article, ActingAccount.SITE));
        }
        log.info("Loaded the sample site: {} sections, {} authors, {} articles in {} ms.",
                sectionIds.size(), authorIds.size(), files.length, (System.nanoTime() - started) / 1_000_000);
        if (withPhotos) {
            // Drawing five large pictures takes seconds on a busy machine: not on the first start's path. Once the
            // stories are committed, a thread of their own draws them and takes them in, in a transaction of its
            // own; until then (and until their sizes are made) the stories show no picture, as any new upload.
            Resource list = resolver.getResource("classpath:sample/photos.txt");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("sample-photos").start(() -> drawPhotos(list, storyIds));
                }
            });
        }
    }

    private void drawPhotos(Resource list, Map<String, Long> storyIds) {
        long started = System.nanoTime();
        try {
            // Drawn before any transaction: the committing thread may still hold the (SQLite) connection.
            List<Drawn> drawn = new ArrayList<>();
            for (String[] line : rows(list)) {
                String[] fields = String.join("|", line).split("\\|", 4);
                Long story = storyIds.get(fields[0]);
                if (story == null) {
                    throw new IllegalStateException("photos.txt names unknown story '" + fields[0] + "'");
                }
                drawn.add(new Drawn(story, fields[1], SamplePhotos.jpeg(fields[1]), fields[2], fields[3]));
            }
            // One transaction a photo: each takes the picture's checks, so five in one held the write lock for
            // seconds on a busy machine, and every other writer (a newsroom save, a comment) waited behind it.
            for (Drawn photo : drawn) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        transactions.executeWithoutResult(status -> takeIn(photo));
                        break;
                    } catch (org.springframework.transaction.CannotCreateTransactionException busy) {
                        if (attempt == 5) {
                            throw busy;
                        }
                        Thread.sleep(1000L * attempt);
                    }
                }
            }
            log.info("Drew the sample site's {} photos in {} ms; their sizes are made in the background.",
                    drawn.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | InterruptedException e) {
            log.warn("The sample site's photos could not be made: {}", e.getMessage());
        }
    }

    /** One drawn photo and the story it is the lead photo of. */
    private record Drawn(long story, String scene, byte[] jpeg, String alt, String caption) {
    }

    /** Taken in as any upload is: its sizes are made in the background after the commit. */
    private void takeIn(Drawn photo) {
        PhotoIntake.Outcome outcome = photos.take(photo.scene() + ".jpg", photo.jpeg(), photo.alt(), photo.caption(),
                "Dateline sample");
        if (!outcome.isTaken()) {
            throw new IllegalStateException("sample photo " + photo.scene() + ": " + outcome.refusal());
        }
        library.describe(outcome.mediaId(), SamplePhotos.CREDIT, "", COPYRIGHT, 500, 500);
        leads.save(photo.story(), Long.toString(outcome.mediaId()));
    }

    private static NewArticle parse(Resource file, Map<String, Long> sectionIds, Map<String, Long> authorIds,
            Instant now) throws IOException {
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        String body = text.substring(split + 5).strip();
        Instant published = now.minus(Duration.ofHours(Long.parseLong(header.get("hours-ago"))));
        Instant updated = header.containsKey("updated-hours-ago")
                ? now.minus(Duration.ofHours(Long.parseLong(header.get("updated-hours-ago"))))
                : null;
        ArticleStatus status = ArticleStatus.fromColumn(header.getOrDefault("status", "published"));
        List<Long> bylines = new ArrayList<>();
        for (String slug : list(header.get("authors"))) {
            bylines.add(required(authorIds, slug, file));
        }
        return new NewArticle(required(sectionIds, header.get("section"), file), header.get("slug"),
                header.get("headline"), header.getOrDefault("standfirst", ""), body,
                header.getOrDefault("dateline", ""), header.getOrDefault("source", ""), status,
                status == ArticleStatus.PUBLISHED ? published : null,
                status == ArticleStatus.PUBLISHED ? updated : null,
                bylines, list(header.getOrDefault("tags", "")));
    }

    private static long required(Map<String, Long> ids, String key, Resource file) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException(file.getFilename() + " names unknown '" + key + "'");
        }
        return id;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String[]> rows(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\\|", 3))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
