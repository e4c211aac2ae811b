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
import news.dateline.taxonomy.AuthorRepository;
import news.dateline.taxonomy.SectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with the sample site written for Dateline (src/main/resources/sample), so
 * that the first start shows a real-looking news site. Publication times are relative to that start.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "dateline.sample-content", matchIfMissing = true)
class SampleContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleContent.class);

    private final SectionRepository sections;
    private final AuthorRepository authors;
    private final ArticleService articles;
    private final Clock clock;

    SampleContent(SectionRepository sections, AuthorRepository authors, ArticleService articles, Clock clock) {
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
        for (Resource file : files) {
            articles.create(parse(file, sectionIds, authorIds, now), ActingAccount.SITE);
        }
        log.info("Loaded the sample site: {} sections, {} authors, {} articles.",
                sectionIds.size(), authorIds.size(), files.length);
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
