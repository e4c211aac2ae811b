package news.dateline.interchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import news.dateline.interchange.WxrRecords.Author;
import news.dateline.interchange.WxrRecords.Item;
import news.dateline.interchange.WxrRecords.ItemTerm;
import news.dateline.interchange.WxrRecords.Taxonomy;
import news.dateline.interchange.WxrRecords.Term;
import news.dateline.interchange.uploads.UploadsFolder;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.ReservedPaths;
import news.dateline.platform.Slugs;
import news.dateline.live.LiveService;
import news.dateline.story.ArticleDraft;
import news.dateline.story.ArticleService;
import news.dateline.story.ArticleService.ImportedStory;
import org.jsoup.Jsoup;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One file's import, inside the caller's transaction. Each post is written under a savepoint: a post whose
 * fields are bad is reported and skipped, the rest go in. Only the categories' parents are kept in memory.
 */
final class ImportRun implements WxrReader.Handler {

    /** Our own export carries the Markdown source beside the HTML, so a round trip is exact. */
    static final String MARKDOWN_META = "_dateline_markdown";
    /** Our export's bylines in order (WordPress has one author a post); comma-separated author slugs. */
    static final String AUTHORS_META = "_dateline_authors";
    static final String PLACE_META = "_dateline_place";
    static final String SOURCE_META = "_dateline_source_credit";
    /** WXR dates are to the second; our own export keeps the exact instants (epoch millis) here. */
    static final String PUBLISHED_META = "_dateline_published_at";
    static final String UPDATED_META = "_dateline_updated_at";
    static final String SCHEDULED_META = "_dateline_scheduled_for";
    /** Our standfirst is plain text; WordPress's excerpt is HTML, so the exact text travels here too. */
    static final String STANDFIRST_META = "_dateline_standfirst";

    static final String PAGES = "pages";
    /** Our own export's pictures in the text without the uploads folder: the numbers are kept as they were. */
    static final String PICTURES_KEPT = "pictures in the text kept as the library numbers they had (media:N): "
            + "import with the uploads folder written beside the export (--uploads FILE-uploads) to bring them in";
    /** Menus are imported only when asked (the command and the upload do); otherwise skipped, and said so. */
    static final String MENU_ITEM_SKIPPED = "menu item (menus are not imported yet: set up the site's navigation in Dateline)";
    static final String WAS_PASSWORD_PROTECTED = "was password-protected in WordPress";
    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!]");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");

    private final ImportRepository repo;
    private final TransactionTemplate savepoint;
    private final ImportSummary summary;
    private final boolean flattenCategories;
    private final Instant now;
    private final Runnable progress;
    /** Category slug → its parent's slug: few, and needed to flatten or nest. */
    private final Map<String, String> categoryParents = new HashMap<>();
    /** Stories whose savepoint held: what the import's one recorded change names. */
    private final List<Long> imported = new ArrayList<>();
    private final ArticleService stories;
    private final LiveService live;
    private final PageImport pages;
    /** Null when the caller did not ask for menus: their items are then skipped, as before. */
    private final MenuImport menus;
    /** Null unless the import was given WordPress's uploads folder ({@code --uploads}). */
    private final UploadsFolder uploads;
    /** Null without the uploads folder: galleries are then dropped, as before, and the summary says so. */
    private final Galleries galleries;

    ImportRun(ImportRepository repo, ArticleService stories, LiveService live, PageImport pages, MenuImport menus,
            TransactionTemplate savepoint, ImportSummary summary, boolean flattenCategories, Instant now,
            Runnable progress, UploadsFolder uploads) {
        this.uploads = uploads;
        this.galleries = uploads == null ? null : new Galleries(uploads);
        this.repo = repo;
        this.pages = pages;
        this.menus = menus;
        this.stories = stories;
        this.live = live;
        this.savepoint = savepoint;
        this.summary = summary;
        this.flattenCategories = flattenCategories;
        this.now = now;
        this.progress = progress;
    }

    List<Long> importedArticleIds() {
        return List.copyOf(imported);
    }

    @Override
    public void author(Author author) {
        if (author.login().isBlank()) {
            summary.skipped("author without a login", "author '" + author.displayName() + "'");
            return;
        }
        if (repo.mapped("author", author.login()).isPresent()) {
            summary.unchanged("authors");
            return;
        }
        authorId(author.login(), author.displayName());
    }

    private long authorId(String login, String displayName) {
        Optional<Long> known = repo.mapped("author", login);
        if (known.isPresent()) {
            return known.get();
        }
        String name = displayName.isBlank() ? login.strip() : displayName.strip();
        String slug = slug(login, name, "author");
        long id = repo.idBySlug("author", slug).orElseGet(() -> {
            summary.imported("authors");
            return repo.insertAuthor(slug, name);
        });
        repo.map("author", login, null, login, id, now);
        return id;
    }

    @Override
    public void term(Term term) {
        String key = term.slug().isBlank() ? term.name() : term.slug();
        if (key.isBlank()) {
            summary.skipped("term without a slug or a name", "term " + term.termId());
            return;
        }
        if (term.taxonomy() == Taxonomy.CATEGORY) {
            categoryParents.put(key, term.parentSlug().strip());
        }
        if (repo.mapped(term.taxonomy() == Taxonomy.CATEGORY ? "section" : "tag", key).isPresent()) {
            summary.unchanged(term.taxonomy() == Taxonomy.CATEGORY ? "sections" : "tags");
            return;
        }
        if (term.taxonomy() == Taxonomy.CATEGORY) {
            sectionId(key, term.name(), term.description(), term.termId());
        } else {
            tagId(key, term.name(), term.termId());
        }
    }

    private long sectionId(String wpSlug, String name, String description, Long termId) {
        Optional<Long> known = repo.mapped("section", wpSlug);
        if (known.isPresent()) {
            return known.get();
        }
        String parent = categoryParents.getOrDefault(wpSlug, "");
        long id;
        if (flattenCategories && !parent.isEmpty() && !parent.equals(wpSlug)) {
            // flattened: a child category's posts go to its top-level ancestor's section
            id = sectionId(parent, parent, "", null);
        } else {
            Long parentId = parent.isEmpty() || parent.equals(wpSlug) ? null
                    : repo.mapped("section", parent).orElse(null);
            String label = name.isBlank() ? wpSlug : name.strip();
            String slug = slug(wpSlug, label, "section");
            if (ReservedPaths.isReserved(slug)) {
                slug = slug + "-section";
            }
            String finalSlug = slug;
            id = repo.idBySlug("section", slug).orElseGet(() -> {
                summary.imported("sections");
                return repo.insertSection(finalSlug, label, description.strip(), parentId);
            });
        }
        repo.map("section", wpSlug, termId, wpSlug, id, now);
        return id;
    }

    private long tagId(String wpSlug, String name, Long termId) {
        Optional<Long> known = repo.mapped("tag", wpSlug);
        if (known.isPresent()) {
            return known.get();
        }
        String label = name.isBlank() ? wpSlug : name.strip();
        String slug = slug(wpSlug, label, "tag");
        long id = repo.idBySlug("tag", slug).orElseGet(() -> {
            summary.imported("tags");
            return repo.insertTag(slug, label);
        });
        repo.map("tag", wpSlug, termId, wpSlug, id, now);
        return id;
    }

    @Override
    public void item(Item item) {
        try {
            switch (item.postType().strip()) {
                case "post", "page" -> {
                    try {
                        Long fresh = savepoint.execute(status -> {
                            try {
                                if ("page".equals(item.postType().strip())) {
                                    page(item);
                                    return null;
                                }
                                return post(item, false);
                            } catch (WxrFields.BadField e) {
                                status.setRollbackOnly();
                                summary.skipped(e.getMessage(), describe(item));
                                return null;
                            }
                        });
                        if (fresh != null) {
                            imported.add(fresh);
                            if (uploads != null) {
                                uploads.featured(fresh, item.meta().get("_thumbnail_id"));
                            }
                        }
                    } catch (DataAccessException e) {
                        // rolled back to the savepoint: this post only
                        summary.skipped("refused by the database: " + e.getMostSpecificCause().getMessage(),
                                describe(item));
                    }
                }
                case "attachment" -> attachment(item);
                case "nav_menu_item" -> {
                    if (menus == null) {
                        summary.skipped(MENU_ITEM_SKIPPED, describe(item));
                    } else {
                        long postId = WxrFields.wpNumber(item.postId(), "post id");
                        menus.item(item, (item.guid().isBlank() ? "menu-item" : item.guid().strip()) + "#" + postId,
                                postId, describe(item));
                    }
                }
                default -> summary.skipped("post type '" + item.postType().strip() + "'", describe(item));
            }
        } finally {
            progress.run();
        }
    }

    /** A WordPress page: one of the site's pages, published if it was public in WordPress. */
    private void page(Item item) {
        long postId = WxrFields.wpNumber(item.postId(), "post id");
        String key = item.guid().isBlank()
                ? "no-guid " + item.title().strip() + " " + item.postDate().strip() + "#" + postId
                : item.guid().strip() + "#" + postId;
        boolean published = switch (item.status().strip()) {
            case "publish" -> item.postPassword().isBlank();
            case "future", "draft", "pending", "private" -> false;
            default -> throw new WxrFields.BadField("page with status '" + item.status().strip() + "'");
        };
        if ("publish".equals(item.status().strip()) && !published) {
            summary.heldBack(describe(item), WAS_PASSWORD_PROTECTED);
        }
        pages.page(item, key, postId, published, bodyOf(item), describe(item));
    }

    /** After the last item. */
    void finish() {
        pages.placeUnderParents();
        if (uploads != null) {
            for (int i = uploads.leadPhotos(); i > 0; i--) {
                summary.imported("lead photos");
            }
        }
        if (menus != null) {
            menus.build();
        }
    }

    /** Returns the id of the story this post created, or null when it was imported before. */
    private Long post(Item item, boolean page) {
        long postId = WxrFields.wpNumber(item.postId(), "post id");
        // The GUID with the id: WordPress.com exports have been seen giving two posts the same GUID. Without a
        // GUID (hand-made files), the title and date stand in, so two such files do not collide on "post 1".
        String key = item.guid().isBlank()
                ? "no-guid " + item.title().strip() + " " + item.postDate().strip() + "#" + postId
                : item.guid().strip() + "#" + postId;
        Optional<Long> known = repo.mapped("article", key);
        long articleId;
        Long created = null;
        if (known.isPresent()) {
            summary.unchanged(page ? "pages" : "articles");
            articleId = known.get();
        } else {
            String status = switch (item.status().strip()) {
                case "publish" -> "published";
                case "future" -> "scheduled";
                case "draft", "pending", "private" -> "draft";
                default -> throw new WxrFields.BadField("post with status '" + item.status().strip() + "'");
            };
            if ("private".equals(item.status().strip())) {
                summary.note("private post imported as a draft");
            }
            Instant date = postDate(item);
            // What WordPress kept from readers is not published by the import: a draft, told why, named in the
            // summary, for an editor to look at.
            String heldBack = "";
            if (!item.postPassword().isBlank()) {
                heldBack = WAS_PASSWORD_PROTECTED;
            } else if ("scheduled".equals(status) && !date.isAfter(now)) {
                heldBack = "was scheduled in WordPress for " + MINUTE.format(date) + ", a time already past";
            }
            if (!heldBack.isEmpty()) {
                status = "draft";
                summary.heldBack(describe(item), heldBack);
            }
            articleId = insertPost(item, page, postId, key, status, date, heldBack);
            created = articleId;
        }
        new CommentImport(repo, summary, now).importAll(item.comments(), key, articleId, describe(item));
        return created;
    }

    private long insertPost(Item item, boolean page, long postId, String key, String status, Instant date,
            String importNote) {
        List<ItemTerm> categories = item.terms().stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY).toList();
        ItemTerm primary = categories.isEmpty() ? null : categories.getFirst();
        long sectionId = page ? pagesSection()
                : primary == null ? sectionId("uncategorized", "Uncategorized", "", null)
                : sectionId(termKey(primary), primary.name(), "", null);
        // An article has one section: the first category is it, the other categories become tags.
        Set<Long> tagIds = new LinkedHashSet<>();
        for (ItemTerm term : item.terms()) {
            if (term != primary) {
                String wpSlug = termKey(term);
                tagIds.add(tagId(term.taxonomy() == Taxonomy.TAG ? wpSlug : "category:" + wpSlug, term.name(), null));
            }
        }
        // A headline is text: markup in a WordPress title (theme-unit-test's "Title <em>With</em> …") is reduced
        // to what it reads as, so the reader's h1 does not show tags.
        String headline = item.title().strip();
        if (LOOKS_LIKE_HTML.matcher(headline).find()) {
            headline = Jsoup.parseBodyFragment(headline).text().strip();
            summary.note("markup in a title reduced to its text");
        } else if (ENTITY.matcher(headline).find()) {
            headline = Jsoup.parseBodyFragment(headline).text().strip(); // "&amp;", "&#8217;": what a reader saw
        }
        if (headline.isEmpty()) {
            headline = "Untitled";
            summary.note("post without a title imported as 'Untitled'");
        }
        String base = slug(item.postName(), headline, "post-" + postId);
        String slug = base;
        for (int n = 2; repo.slugTaken(sectionId, slug); n++) {
            slug = base + "-" + n;
        }
        String body = bodyOf(item);
        String standfirst = item.meta().containsKey(STANDFIRST_META) ? item.meta().get(STANDFIRST_META)
                : LOOKS_LIKE_HTML.matcher(item.excerpt()).find()
                ? HtmlToText.of(item.excerpt()).replaceAll("\\s+", " ").strip()
                : item.excerpt().strip();
        Map<String, String> meta = item.meta();
        List<String> bylines = item.meta().containsKey(AUTHORS_META)
                ? List.of(item.meta().get(AUTHORS_META).split(",")).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()
                : item.creator().isBlank() ? List.of() : List.of(item.creator().strip());
        Set<Long> authorIds = new LinkedHashSet<>();
        for (String login : bylines) {
            authorIds.add(authorId(login, ""));
        }
        long articleId = stories.importStory(new ImportedStory(page ? "page" : "article", sectionId, slug, headline,
                standfirst, body, meta.getOrDefault(PLACE_META, ""), meta.getOrDefault(SOURCE_META, ""), status,
                date, millis(meta.get(PUBLISHED_META), "published".equals(status) ? date : null),
                millis(meta.get(UPDATED_META), null),
                millis(meta.get(SCHEDULED_META), "scheduled".equals(status) ? date : null),
                new ArrayList<>(authorIds), new ArrayList<>(tagIds), importNote,
                item.corrections().stream().map(c -> new ImportedStory.Correction(Instant.ofEpochMilli(c.at()), c.note()))
                        .toList(),
                // an old address in a section this site lacks is kept under the story's own section
                item.oldSlugs().stream().map(o -> new ImportedStory.OldSlug(
                        repo.idBySlug("section", o.section()).orElse(sectionId), o.slug(),
                        Instant.ofEpochMilli(o.retiredAt()))).toList(),
                item.live() == null ? null : Instant.ofEpochMilli(item.live().since()),
                item.live() == null || item.live().endedAt() == null ? null : Instant.ofEpochMilli(item.live().endedAt()),
                // a revision's section this site lacks is the story's own; its bylines map as the story's do
                item.revisions().stream().map(r -> new ImportedStory.SavedRevision(r.savedBy(),
                        Instant.ofEpochMilli(r.savedAt()), r.kind(), new ArticleDraft(
                        repo.idBySlug("section", r.section()).orElse(sectionId), r.slug(), r.headline(),
                        r.standfirst(), r.body(), r.place(), r.credit(),
                        r.authors().stream().map(login -> authorId(login, "")).distinct().toList(), r.tags())))
                        .toList()),
                ActingAccount.SITE);
        if (!item.liveEntries().isEmpty()) {
            live.importEntries(articleId, item.liveEntries().stream().map(e -> new LiveService.ImportedEntry(e.author(),
                    Instant.ofEpochMilli(e.createdAt()), e.editedAt() == null ? null : Instant.ofEpochMilli(e.editedAt()),
                    e.deletedAt() == null ? null : Instant.ofEpochMilli(e.deletedAt()), e.keyEvent(), e.body()))
                    .toList(), ActingAccount.SITE);
        }
        repo.map("article", key, postId, decoded(item.postName()).strip(), articleId, now);
        summary.imported(page ? "pages" : "articles");
        return articleId;
    }

    /** The Markdown of a post or page: our own export's source when it carries it, else the HTML converted. */
    private String bodyOf(Item item) {
        if (item.meta().containsKey(MARKDOWN_META)) {
            String markdown = item.meta().get(MARKDOWN_META);
            if (galleries != null) {
                // our own export: its library's numbers become this library's, the files taken from the folder
                return galleries.remap(markdown, problem -> summary.skipped(problem, describe(item)));
            }
            if (markdown.contains("](media:")) {
                summary.note(PICTURES_KEPT);
            }
            return markdown;
        }
        Set<String> notes = new LinkedHashSet<>();
        String content = item.content();
        Galleries.Placed placed = null;
        if (galleries != null) {
            Long postId = WxrFields.number(item.postId());
            placed = galleries.place(content, postId == null ? -1 : postId,
                    problem -> summary.skipped(problem, describe(item)), notes::add);
            content = placed.html();
        } else if (Galleries.present(content)) {
            summary.note(Galleries.SKIPPED);
        }
        if (uploads != null) {
            UploadsFolder.Rewritten rewritten = uploads.rewrite(content);
            rewritten.problems().forEach(problem -> summary.skipped(problem, describe(item)));
            content = rewritten.html();
        } else {
            summary.outsideImages().scan(content); // left where they are: their hosts go into the CSP
        }
        String body = HtmlToMarkdown.convert(WordPressMarkup.toHtml(content, notes), notes);
        if (placed != null) {
            body = placed.fill(body);
        }
        notes.forEach(summary::note);
        return body;
    }

    /** Pages have no categories in WordPress; here they live in one section, at /pages/{slug}. */
    private long pagesSection() {
        return repo.idBySlug("section", PAGES).orElseGet(() -> {
            summary.imported("sections");
            return repo.insertSection(PAGES, "Pages", "", null);
        });
    }

    private void attachment(Item item) {
        if (uploads != null) {
            // Also on a second import: the library takes each file once.
            UploadsFolder.Result photo = uploads.attachment(WxrFields.number(item.postId()),
                    item.meta().get("_wp_attached_file"),
                    item.attachmentUrl().isBlank() ? item.guid() : item.attachmentUrl(),
                    item.meta().getOrDefault("_wp_attachment_image_alt", ""),
                    Jsoup.parse(item.excerpt() == null ? "" : item.excerpt()).text());
            if (photo.taken()) {
                summary.imported("photos");
                if (photo.mediaId() != null) {
                    describePhoto(photo.mediaId(), item.meta());
                }
            } else if (photo.problem() != null) {
                summary.skipped(photo.problem(), describe(item));
            }
        }
        String key = item.guid().isBlank() ? "attachment:" + item.postId().strip() : item.guid().strip();
        if (repo.attachmentKnown(key)) {
            summary.unchanged("attachments");
            return;
        }
        String url = item.attachmentUrl().isBlank() ? item.guid().strip() : item.attachmentUrl().strip();
        if (url.isBlank()) {
            summary.skipped("attachment without a URL", describe(item));
            return;
        }
        repo.insertAttachment(key, WxrFields.number(item.postId()), WxrFields.number(item.postParent()),
                item.title().strip(), url, now);
        summary.imported("attachments");
    }

    /** What our own export says of a picture beyond WordPress's fields (LibraryExport's meta keys). */
    private void describePhoto(long mediaId, Map<String, String> meta) {
        String[] focal = meta.getOrDefault(LibraryExport.FOCAL_META, "").split(",");
        Long x = focal.length == 2 ? WxrFields.number(focal[0]) : null;
        Long y = focal.length == 2 ? WxrFields.number(focal[1]) : null;
        String credit = meta.getOrDefault(LibraryExport.CREDIT_META, "");
        String source = meta.getOrDefault(LibraryExport.PHOTO_SOURCE_META, "");
        String copyright = meta.getOrDefault(LibraryExport.COPYRIGHT_META, "");
        if (x == null && credit.isEmpty() && source.isEmpty() && copyright.isEmpty()) {
            return; // a WordPress attachment: nothing more to say
        }
        uploads.describe(mediaId, credit, source, copyright, x == null ? 500 : x.intValue(),
                y == null ? 500 : y.intValue());
    }

    private static String termKey(ItemTerm term) {
        return term.slug().isBlank() ? Slugs.of(term.name()) : term.slug().strip();
    }

    /** A slug for our URLs from WordPress's (which may be percent-encoded UTF-8), else from the name. */
    private static String slug(String wpSlug, String name, String fallback) {
        String slug = Slugs.of(decoded(wpSlug));
        if (slug.isEmpty()) {
            slug = Slugs.of(name);
        }
        return slug.isEmpty() ? Slugs.of(fallback) : slug;
    }

    private static String decoded(String wpSlug) {
        try {
            return URLDecoder.decode(wpSlug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return wpSlug;
        }
    }

    /** A post with no date at all (hand-made files) is dated now, as WordPress itself would. */
    private Instant postDate(Item item) {
        Instant date = WxrFields.date(item.postDateGmt(), item.postDate());
        if (date == null) {
            summary.note("post without a date dated at the time of the import");
            return now;
        }
        return date;
    }

    private static Instant millis(String text, Instant otherwise) {
        Long millis = text == null ? null : WxrFields.number(text);
        return millis == null ? otherwise : Instant.ofEpochMilli(millis);
    }

    private static String describe(Item item) {
        String title = item.title().strip();
        return "post " + item.postId().strip() + (title.isEmpty() ? "" : " '" + abbreviate(title) + "'")
                + " at line " + item.line();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
