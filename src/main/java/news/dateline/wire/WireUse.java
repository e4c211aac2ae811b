package news.dateline.wire;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.dateline.interchange.HtmlToMarkdown;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.platform.Slugs;
import news.dateline.story.ArticleDraft;
import news.dateline.story.ArticleService;
import news.dateline.story.Intent;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.taxonomy.SectionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Use": a draft story made from the item's newest version, through story's one door ({@link ArticleService}),
 * and linked to the item and that version, in one transaction. The editor rewrites and publishes as usual.
 */
@Service
public class WireUse {

    static final String EDITORS_ONLY = "Only editors and admins use wire copy.";
    static final String KILLED = "This item was killed by the agency: it may not be used.";
    static final String NO_SECTION = "The site has no section to file the story in yet.";
    static final String PICTURE = "A picture item is not made into a story: it is in the photo library, to be "
            + "chosen as a story's photo there.";
    private static final int HEADLINE_MAX = 200;
    private static final int STANDFIRST_MAX = 600;

    private final WireQueue queue;
    private final ArticleService articles;
    private final SectionRepository sections;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LeadPhotoDesk leads;

    WireUse(WireQueue queue, ArticleService articles, SectionRepository sections, JdbcClient jdbc, Clock clock,
            LeadPhotoDesk leads) {
        this.leads = leads;
        this.queue = queue;
        this.articles = articles;
        this.sections = sections;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the new story's id. */
    @Transactional
    long use(long itemId, Long sectionId, ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(EDITORS_ONLY);
        }
        WireQueue.Item item = queue.find(itemId)
                .orElseThrow(() -> Refusal.notFound("There is no wire item " + itemId + "."));
        if (item.pubStatus().equals(WireItem.PubStatus.CANCELED.column())) {
            throw Refusal.conflict("item", KILLED);
        }
        if (queue.mediaOf(itemId).isPresent()) {
            throw Refusal.conflict("item", PICTURE);
        }
        long section = sectionId != null ? sectionId : sections.all().stream().findFirst()
                .orElseThrow(() -> Refusal.conflict("section", NO_SECTION)).id();
        String headline = headlineOf(item);
        List<String> bylines = bylines(item.byline());
        List<Long> authors = queue.authorsNamed(bylines);
        ArticleDraft draft = new ArticleDraft(section, freeSlug(section, headline), headline,
                standfirstOf(item), body(item), item.located(), credit(item, bylines, authors),
                authors, List.of());
        long articleId = articles.write(null, draft, Intent.SAVE, null, null, by);
        jdbc.sql("""
                        INSERT INTO wire_story (article_id, item_id, version_id, used_by, used_at)
                        VALUES (:article, :item, :version, :by, :at)""")
                .param("article", articleId).param("item", item.id()).param("version", item.versionId())
                .param("by", by.isSite() ? null : by.accountId()).param("at", clock.millis()).update();
        // The picture the item associates (ninjs associations, a NewsML-G2 seeAlso link or package), once the
        // library has it and unless it was killed, is the draft's lead photo.
        queue.associatedPicture(item.versionId())
                .filter(media -> leads.problems(String.valueOf(media)).isEmpty())
                .ifPresent(media -> leads.save(articleId, String.valueOf(media)));
        return articleId;
    }

    /** The headline a story made from this version gets. */
    public static String headlineOf(WireQueue.Item item) {
        return cut(firstNonBlank(item.headline(), item.slugline(), "Wire item " + item.guid()), HEADLINE_MAX);
    }

    /** The standfirst a story made from this version gets: the description, cut to fit. */
    public static String standfirstOf(WireQueue.Item item) {
        return cut(item.description(), STANDFIRST_MAX);
    }

    /** The body a story made from this version gets: the agency HTML as our Markdown. */
    public static String body(WireQueue.Item item) {
        return item.bodyHtml().isBlank() ? "" : HtmlToMarkdown.convert(item.bodyHtml(), new LinkedHashSet<>());
    }

    /**
     * "With AFP": the provider's own credit when the admin set one, else the agency the item names. Bylines that
     * are no staff author stay visible in the credit ("By Maria Olsen. With NTB").
     */
    static String credit(WireQueue.Item item, List<String> bylines, List<Long> authors) {
        String agency = !item.providerCredit().isBlank() ? item.providerCredit()
                : item.credit().isBlank() ? "" : "With " + item.credit().replaceFirst("(?i)^with\\s+", "");
        if (bylines.isEmpty() || authors.size() == bylines.size()) {
            return agency;
        }
        String by = "By " + String.join(", ", bylines);
        return agency.isEmpty() ? by : by + ". " + agency;
    }

    /** "Von Christian Hollmann, dpa" and "Paulo Santalucia and Frances d'Emilio" as names. */
    static List<String> bylines(String byline) {
        String names = byline.strip().replaceFirst("(?i)^(by|von|av|af|par|por|di)\\s+", "");
        if (names.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : names.split("\\s*(?:,|;|\\band\\b|\\bund\\b|\\bog\\b|\\boch\\b|&)\\s*")) {
            if (!part.isBlank() && part.strip().contains(" ")) {
                out.add(part.strip());
            }
        }
        return List.copyOf(out);
    }

    private String freeSlug(long section, String headline) {
        String base = Slugs.of(headline);
        if (base.isEmpty()) {
            base = "wire-story";
        }
        base = base.length() > 100 ? base.substring(0, 100).replaceAll("-+$", "") : base;
        String slug = base;
        for (int n = 2; queue.slugTaken(section, slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }
}
