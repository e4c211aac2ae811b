package news.dateline.interchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.dateline.interchange.ExportRepository.Category;
import news.dateline.interchange.ExportRepository.Person;
import news.dateline.interchange.ExportRepository.Reply;
import news.dateline.interchange.ExportRepository.Story;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.SiteProperties;
import news.dateline.platform.Slugs;
import news.dateline.platform.audit.AuditAction;
import news.dateline.platform.audit.AuditLog;
import news.dateline.story.CorrectionRepository;
import news.dateline.story.MarkdownRenderer;
import news.dateline.story.photo.LeadPhotoDesk;
import news.dateline.story.photo.PhotoArchive;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes every article, with its section, tags, bylines and comments, as WXR 1.2. WordPress reads the HTML;
 * our importer reads the Markdown source and exact comment text carried beside it in meta fields, so
 * export → import gives back the same articles and comments.
 */
@Service
public class WxrExporter {

    static final String WP = "http://wordpress.org/export/1.2/";
    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PAGE = 200;

    private final ExportRepository repo;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;
    private final CorrectionRepository corrections;

    private final AuditLog audit;
    private final TransactionTemplate readOnly;
    private final PhotoArchive photos;
    private final LeadPhotoDesk leads;

    WxrExporter(ExportRepository repo, MarkdownRenderer markdown, SiteProperties site,
            CorrectionRepository corrections, AuditLog audit, PlatformTransactionManager transactions,
            PhotoArchive photos, LeadPhotoDesk leads) {
        this.photos = photos;
        this.leads = leads;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.corrections = corrections;
        this.repo = repo;
        this.markdown = markdown;
        this.site = site;
    }

    /** What an export wrote: articles, library pictures, and the pictures whose original could not be read. */
    public record Exported(int articles, int pictures, List<String> missingOriginals) {
    }

    /** Returns how many articles were written; the library's pictures are described, their files not written. */
    public int export(OutputStream out) throws XMLStreamException {
        return export(out, null).articles();
    }

    /**
     * Writes the export, and each library picture's original into {@code uploads} at its {@code YYYY/MM/} path
     * (none when null). One read transaction: a consistent snapshot; then the export is recorded in the audit log,
     * in a transaction of its own (the read-only one cannot write).
     */
    public Exported export(OutputStream out, java.nio.file.Path uploads) throws XMLStreamException {
        Exported exported = readOnly.execute(status -> {
            try {
                return write(out, uploads);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
        audit.recordOnItsOwn(null, ActingAccount.SITE.username(), AuditAction.EXPORTED, "WordPress export (WXR)",
                exported.articles() + " articles");
        return exported;
    }

    private Exported write(OutputStream out, java.nio.file.Path uploads) throws XMLStreamException {
        LibraryExport library = new LibraryExport(photos, site.baseUrl(), repo.highestPostId());
        Map<Long, Long> exportedIds = new HashMap<>();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("excerpt", EXCERPT);
        xml.writeNamespace("content", WxrReader.CONTENT_NAMESPACE);
        xml.writeNamespace("dc", WxrReader.DC_NAMESPACE);
        xml.writeNamespace("wp", WP);
        xml.writeNamespace("dateline", WxrReader.DATELINE_NAMESPACE);
        xml.writeCharacters("\n");
        xml.writeStartElement("channel");
        text(xml, "", "title", site.name(), 1);
        text(xml, "", "link", site.baseUrl(), 1);
        text(xml, "", "description", site.tagline(), 1);
        text(xml, WP, "wxr_version", "1.2", 1);
        text(xml, WP, "base_site_url", site.baseUrl(), 1);
        text(xml, WP, "base_blog_url", site.baseUrl(), 1);
        for (Person author : repo.authors()) {
            start(xml, WP, "author", 1);
            text(xml, WP, "author_login", author.slug(), 2);
            text(xml, WP, "author_display_name", author.name(), 2);
            end(xml, 1);
        }
        for (Category section : repo.sections()) {
            start(xml, WP, "category", 1);
            text(xml, WP, "category_nicename", section.slug(), 2);
            text(xml, WP, "category_parent", section.parentSlug(), 2);
            text(xml, WP, "cat_name", section.name(), 2);
            text(xml, WP, "category_description", section.description(), 2);
            end(xml, 1);
        }
        for (Person tag : repo.tags()) {
            start(xml, WP, "tag", 1);
            text(xml, WP, "tag_slug", tag.slug(), 2);
            text(xml, WP, "tag_name", tag.name(), 2);
            end(xml, 1);
        }
        int count = 0;
        long after = 0;
        for (List<Story> page = repo.storiesAfter(after, PAGE); !page.isEmpty(); page = repo.storiesAfter(after, PAGE)) {
            for (Story story : page) {
                item(xml, story, library);
                exportedIds.put(story.id(), story.wpId() != null ? story.wpId() : story.id());
                count++;
                after = story.id();
            }
        }
        // After the posts, as WordPress.com writes them: an importer sets featured images once all are read.
        library.write(xml, uploads, exportedIds);
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        return new Exported(count, library.pictures(), library.missing());
    }

    private void item(XMLStreamWriter xml, Story story, LibraryExport library) throws XMLStreamException {
        Instant date = Instant.ofEpochMilli(story.publishedAt() != null ? story.publishedAt()
                : story.scheduledFor() != null ? story.scheduledFor() : story.createdAt());
        List<String> bylines = repo.bylines(story.id());
        start(xml, "", "item", 1);
        // A WordPress title is HTML: our headline is text, so "<" and "&" in it go out escaped and read back as text.
        text(xml, "", "title", HtmlUtils.htmlEscape(story.headline(), "UTF-8"), 2);
        text(xml, "", "link", site.baseUrl() + Slugs.inUrl("/" + story.sectionSlug() + "/" + story.slug()), 2);
        text(xml, "", "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)), 2);
        text(xml, WxrReader.DC_NAMESPACE, "creator", bylines.isEmpty() ? "" : bylines.getFirst(), 2);
        xml.writeCharacters("\n\t\t");
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        // An imported story keeps WordPress's GUID and id, so its old links and a re-import still find it.
        String guid = story.wpKey() != null ? story.wpKey().substring(0, story.wpKey().lastIndexOf('#'))
                : site.baseUrl() + "/?p=" + story.id();
        xml.writeCharacters(clean(guid));
        xml.writeEndElement();
        // WordPress reads the HTML: the library's pictures at their attachments' addresses, galleries as [gallery]
        text(xml, WxrReader.CONTENT_NAMESPACE, "encoded", markdown.toHtml(library.forWordPress(story.body())), 2);
        text(xml, EXCERPT, "encoded", HtmlUtils.htmlEscape(story.standfirst()), 2);
        text(xml, WP, "post_id", Long.toString(story.wpId() != null ? story.wpId() : story.id()), 2);
        text(xml, WP, "post_date", WP_DATE.format(date.atZone(site.timeZone())), 2);
        text(xml, WP, "post_date_gmt", WP_DATE.format(date.atZone(ZoneId.of("UTC"))), 2);
        text(xml, WP, "post_name", story.slug(), 2);
        text(xml, WP, "status", switch (story.status()) {
            case "published" -> "publish";
            case "scheduled" -> "future";
            default -> "draft";
        }, 2);
        text(xml, WP, "post_parent", "0", 2);
        boolean page = "page".equals(story.kind());
        text(xml, WP, "post_type", page ? "page" : "post", 2);
        if (!page) {
            category(xml, "category", story.sectionSlug(), story.sectionName());
        }
        for (Person tag : repo.tagsOf(story.id())) {
            category(xml, "post_tag", tag.slug(), tag.name());
        }
        meta(xml, "postmeta", ImportRun.MARKDOWN_META, story.body(), 2);
        String lead = leads.chosen(story.id());
        Long thumbnail = lead.isEmpty() ? null : library.attachmentId(Long.parseLong(lead));
        if (thumbnail != null) {
            meta(xml, "postmeta", "_thumbnail_id", Long.toString(thumbnail), 2);
        }
        meta(xml, "postmeta", ImportRun.AUTHORS_META, String.join(",", bylines), 2);
        if (!story.datelinePlace().isEmpty()) {
            meta(xml, "postmeta", ImportRun.PLACE_META, story.datelinePlace(), 2);
        }
        if (!story.sourceCredit().isEmpty()) {
            meta(xml, "postmeta", ImportRun.SOURCE_META, story.sourceCredit(), 2);
        }
        meta(xml, "postmeta", ImportRun.STANDFIRST_META, story.standfirst(), 2);
        if (story.publishedAt() != null) {
            meta(xml, "postmeta", ImportRun.PUBLISHED_META, Long.toString(story.publishedAt()), 2);
        }
        if (story.scheduledFor() != null) {
            meta(xml, "postmeta", ImportRun.SCHEDULED_META, Long.toString(story.scheduledFor()), 2);
        }
        if (story.updatedAt() != null) {
            meta(xml, "postmeta", ImportRun.UPDATED_META, Long.toString(story.updatedAt()), 2);
        }
        for (CorrectionRepository.Correction correction : corrections.of(story.id())) {
            xml.writeCharacters("\n\t\t");
            xml.writeStartElement(WxrReader.DATELINE_NAMESPACE, "correction");
            xml.writeAttribute("at", Long.toString(correction.createdAt().toEpochMilli()));
            xml.writeCharacters(clean(correction.note()));
            xml.writeEndElement();
        }
        for (WxrRecords.OldSlug old : repo.oldSlugs(story.id())) {
            xml.writeCharacters("\n\t\t");
            xml.writeStartElement(WxrReader.DATELINE_NAMESPACE, "old_slug");
            xml.writeAttribute("section", old.section());
            xml.writeAttribute("retired", Long.toString(old.retiredAt()));
            xml.writeCharacters(clean(old.slug()));
            xml.writeEndElement();
        }
        if (story.liveSince() != null) {
            xml.writeCharacters("\n\t\t");
            xml.writeEmptyElement(WxrReader.DATELINE_NAMESPACE, "live");
            xml.writeAttribute("since", Long.toString(story.liveSince()));
            if (story.liveEndedAt() != null) {
                xml.writeAttribute("ended", Long.toString(story.liveEndedAt()));
            }
        }
        for (WxrRecords.LiveEntry entry : repo.liveEntries(story.id())) {
            xml.writeCharacters("\n\t\t");
            xml.writeStartElement(WxrReader.DATELINE_NAMESPACE, "live_entry");
            xml.writeAttribute("by", clean(entry.author()));
            xml.writeAttribute("at", Long.toString(entry.createdAt()));
            if (entry.editedAt() != null) {
                xml.writeAttribute("edited", Long.toString(entry.editedAt()));
            }
            if (entry.deletedAt() != null) {
                xml.writeAttribute("deleted", Long.toString(entry.deletedAt()));
            }
            xml.writeAttribute("key_event", Boolean.toString(entry.keyEvent()));
            xml.writeCharacters(clean(entry.body()));
            xml.writeEndElement();
        }
        for (WxrRecords.Revision revision : repo.revisions(story.id())) {
            xml.writeCharacters("\n\t\t");
            xml.writeStartElement(WxrReader.DATELINE_NAMESPACE, "revision");
            xml.writeAttribute("by", clean(revision.savedBy()));
            xml.writeAttribute("at", Long.toString(revision.savedAt()));
            xml.writeAttribute("kind", clean(revision.kind()));
            xml.writeAttribute("section", revision.section());
            xml.writeAttribute("slug", clean(revision.slug()));
            xml.writeAttribute("authors", String.join(",", revision.authors()));
            text(xml, WxrReader.DATELINE_NAMESPACE, "headline", revision.headline(), 3);
            text(xml, WxrReader.DATELINE_NAMESPACE, "standfirst", revision.standfirst(), 3);
            text(xml, WxrReader.DATELINE_NAMESPACE, "body", revision.body(), 3);
            text(xml, WxrReader.DATELINE_NAMESPACE, "place", revision.place(), 3);
            text(xml, WxrReader.DATELINE_NAMESPACE, "credit", revision.credit(), 3);
            text(xml, WxrReader.DATELINE_NAMESPACE, "tags", String.join("\n", revision.tags()), 3);
            xml.writeCharacters("\n\t\t");
            xml.writeEndElement();
        }
        List<Reply> replies = repo.comments(story.id());
        Map<Long, Long> exportedIds = new HashMap<>();
        for (Reply reply : replies) {
            exportedIds.put(reply.id(), reply.wpId() != null ? reply.wpId() : reply.id());
        }
        for (Reply reply : replies) {
            comment(xml, reply, exportedIds);
        }
        end(xml, 1);
    }

    private void comment(XMLStreamWriter xml, Reply c, Map<Long, Long> exportedIds) throws XMLStreamException {
        Instant date = Instant.ofEpochMilli(c.createdAt());
        start(xml, WP, "comment", 2);
        text(xml, WP, "comment_id", Long.toString(exportedIds.get(c.id())), 3);
        text(xml, WP, "comment_author", c.authorName(), 3);
        text(xml, WP, "comment_author_email", c.email(), 3);
        text(xml, WP, "comment_author_url", c.url(), 3);
        text(xml, WP, "comment_author_IP", c.ip(), 3);
        text(xml, WP, "comment_date", WP_DATE.format(date.atZone(site.timeZone())), 3);
        text(xml, WP, "comment_date_gmt", WP_DATE.format(date.atZone(ZoneId.of("UTC"))), 3);
        // WordPress treats comment text as HTML: ours is plain text, so it is escaped for it.
        text(xml, WP, "comment_content", HtmlUtils.htmlEscape(c.body()), 3);
        text(xml, WP, "comment_approved", switch (c.state()) {
            case "approved" -> "1";
            case "pending" -> "0";
            default -> c.state();
        }, 3);
        text(xml, WP, "comment_type", "comment".equals(c.kind()) ? "" : c.kind(), 3);
        text(xml, WP, "comment_parent",
                c.parentId() == null ? "0" : Long.toString(exportedIds.getOrDefault(c.parentId(), 0L)), 3);
        meta(xml, "commentmeta", CommentImport.COMMENT_TEXT_META, c.body(), 3);
        end(xml, 2);
    }

    private static void category(XMLStreamWriter xml, String domain, String slug, String name)
            throws XMLStreamException {
        xml.writeCharacters("\n\t\t");
        xml.writeStartElement("category");
        xml.writeAttribute("domain", domain);
        xml.writeAttribute("nicename", clean(slug));
        xml.writeCharacters(clean(name));
        xml.writeEndElement();
    }

    static void meta(XMLStreamWriter xml, String element, String key, String value, int depth)
            throws XMLStreamException {
        start(xml, WP, element, depth);
        text(xml, WP, "meta_key", key, depth + 1);
        text(xml, WP, "meta_value", value, depth + 1);
        end(xml, depth);
    }

    static void start(XMLStreamWriter xml, String ns, String name, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "\t".repeat(depth));
        element(xml, ns, name);
    }

    private static void element(XMLStreamWriter xml, String ns, String name) throws XMLStreamException {
        switch (ns) {
            case "" -> xml.writeStartElement(name);
            case WP -> xml.writeStartElement("wp", name, WP);
            case EXCERPT -> xml.writeStartElement("excerpt", name, EXCERPT);
            case WxrReader.CONTENT_NAMESPACE -> xml.writeStartElement("content", name, ns);
            case WxrReader.DC_NAMESPACE -> xml.writeStartElement("dc", name, ns);
            case WxrReader.DATELINE_NAMESPACE -> xml.writeStartElement("dateline", name, ns);
            default -> throw new IllegalArgumentException(ns);
        }
    }

    static void end(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "\t".repeat(depth));
        xml.writeEndElement();
    }

    static void text(XMLStreamWriter xml, String ns, String name, String value, int depth)
            throws XMLStreamException {
        xml.writeCharacters("\n" + "\t".repeat(depth));
        element(xml, ns, name);
        xml.writeCharacters(clean(value == null ? "" : value));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, not even escaped: they are left out. */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            if (!allowed && out == null) {
                out = new StringBuilder(text.substring(0, i));
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
