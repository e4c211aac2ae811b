package news.dateline.wire.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.dateline.platform.ActingAccount;
import news.dateline.platform.Refusal;
import news.dateline.story.ArticleDraft;
import news.dateline.story.ArticleService;
import news.dateline.story.EditableArticle;
import news.dateline.story.EditorialRepository;
import news.dateline.story.Intent;
import news.dateline.story.TextDiff;
import news.dateline.story.source.SourceUpdate;
import news.dateline.story.source.SourceUpdates;
import news.dateline.wire.WireQueue;
import news.dateline.wire.WireUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Wire update available": a newer version of the item a story was made from. The story's editor and the desk
 * show a word-level diff of the agency text (as "Use" would bring it in) from the version the story was made from
 * to the new one, and the editor's own edits since then. "Take update" writes the new agency text into the story
 * through {@link ArticleService}: a new revision of a draft, or an update for review of a published story, so
 * the text it replaces stays in the revisions. "Dismiss" hides this version's offer; a newer one is offered again.
 * A withheld item is shown as such: the story may not go out until a usable version arrives (see WireEmbargoes).
 */
@Service
public class WireUpdates implements SourceUpdates {

    static final String NOTHING_TO_TAKE = "There is no wire update to take for this story.";
    static final String EDITORS_ONLY = "Only editors and admins take wire updates.";
    static final String NOT_FROM_WIRE = "This story was not made from a wire item.";
    static final String WITHHELD = "Withheld by the agency: %s has withheld the wire item this story was made from "
            + "(%s). The story cannot be published until a usable version arrives.";
    static final String AVAILABLE = "%s sent version %s of this item; the story was made from version %s.";

    /** The link between a story and its item: the version used, the item's newest, the one dismissed. */
    private record Link(long articleId, long itemId, long usedVersion, Long dismissedVersion, long currentVersion,
            String pubStatus) {

        boolean offersUpdate() {
            return "usable".equals(pubStatus) && currentVersion != usedVersion
                    && (dismissedVersion == null || dismissedVersion != currentVersion);
        }
    }

    private final JdbcClient jdbc;
    private final WireQueue queue;
    private final EditorialRepository editorial;
    private final ArticleService articles;

    WireUpdates(JdbcClient jdbc, WireQueue queue, EditorialRepository editorial, ArticleService articles) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.editorial = editorial;
        this.articles = articles;
    }

    @Override
    public Optional<SourceUpdate> of(long articleId) {
        Optional<Link> link = link(articleId);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Link l = link.get();
        if ("withheld".equals(l.pubStatus())) {
            WireQueue.Item now = queue.version(l.currentVersion()).orElseThrow();
            return Optional.of(new SourceUpdate(articleId, SourceUpdate.State.WITHHELD,
                    WITHHELD.formatted(now.provider(), now.guid()), "", "", List.of(), List.of(), "", ""));
        }
        if (!l.offersUpdate()) {
            return Optional.empty();
        }
        WireQueue.Item used = queue.version(l.usedVersion()).orElseThrow();
        WireQueue.Item now = queue.version(l.currentVersion()).orElseThrow();
        EditableArticle story = editorial.find(articleId).orElseThrow();
        String path = "/newsroom/wire/stories/" + articleId;
        return Optional.of(new SourceUpdate(articleId, SourceUpdate.State.UPDATE,
                AVAILABLE.formatted(now.provider(), label(now), label(used)), label(used), label(now),
                fields(texts(used), texts(now)), fields(texts(used), texts(story.draft())), path + "/take",
                path + "/dismiss"));
    }

    /** Returns the editor's notice key: {@code wire-taken} for a draft, {@code wire-pending} for a published story. */
    @Transactional
    public String take(long articleId, ActingAccount by) {
        Link link = allowed(articleId, by);
        if (!link.offersUpdate()) {
            throw Refusal.conflict(NOTHING_TO_TAKE);
        }
        WireQueue.Item now = queue.version(link.currentVersion()).orElseThrow();
        EditableArticle story = editorial.find(articleId).orElseThrow();
        ArticleDraft taken = updated(story.draft(), now);
        boolean published = story.isPublished();
        articles.write(articleId, taken, published ? Intent.PENDING : Intent.SAVE, null, null, by);
        jdbc.sql("UPDATE wire_story SET version_id = :version, dismissed_version_id = NULL WHERE article_id = :id")
                .param("version", link.currentVersion()).param("id", articleId).update();
        return published ? "wire-pending" : "wire-taken";
    }

    /**
     * Publishes the item's newest version in a published story that is untouched: its headline, standfirst, body
     * and dateline are still what "Use" (or the last automatic update) wrote, and no update waits for review. A
     * revision saved by "<provider> (wire, version N, automatic)" through the story's one door, so caches, search
     * and other nodes follow its recorded change. Anything else (a draft, a touched story, a withheld or killed
     * item, a dismissed version) is left as it is, offer included. Returns whether the story was updated.
     */
    @Transactional
    public boolean autoApply(long articleId) {
        Optional<Link> found = link(articleId);
        if (found.isEmpty() || !found.get().offersUpdate()) {
            return false;
        }
        Link link = found.get();
        EditableArticle story = editorial.find(articleId).orElseThrow();
        if (!story.isPublished() || story.hasPendingUpdate()
                || !untouched(texts(queue.version(link.usedVersion()).orElseThrow()), texts(story.draft()))) {
            return false;
        }
        WireQueue.Item now = queue.version(link.currentVersion()).orElseThrow();
        articles.write(articleId, updated(story.draft(), now), Intent.SAVE, null, null,
                ActingAccount.site(now.provider() + " (wire, version " + label(now) + ", automatic)"));
        jdbc.sql("UPDATE wire_story SET version_id = :version, dismissed_version_id = NULL WHERE article_id = :id")
                .param("version", link.currentVersion()).param("id", articleId).update();
        return true;
    }

    private static ArticleDraft updated(ArticleDraft d, WireQueue.Item now) {
        return new ArticleDraft(d.sectionId(), d.slug(), WireUse.headlineOf(now), WireUse.standfirstOf(now),
                WireUse.body(now), now.located().isBlank() ? d.datelinePlace() : now.located(), d.sourceCredit(),
                d.authorIds(), d.tagNames());
    }

    /** Field by field as the diff compares them; line endings as a browser's form may send them do not count. */
    private static boolean untouched(Texts agency, Texts story) {
        return same(agency.headline(), story.headline()) && same(agency.standfirst(), story.standfirst())
                && same(agency.body(), story.body()) && same(agency.dateline(), story.dateline());
    }

    private static boolean same(String a, String b) {
        return a.replace("\r\n", "\n").strip().equals(b.replace("\r\n", "\n").strip());
    }

    @Transactional
    public void dismiss(long articleId, ActingAccount by) {
        Link link = allowed(articleId, by);
        if (!link.offersUpdate()) {
            throw Refusal.conflict(NOTHING_TO_TAKE);
        }
        jdbc.sql("UPDATE wire_story SET dismissed_version_id = :version WHERE article_id = :id")
                .param("version", link.currentVersion()).param("id", articleId).update();
    }

    private Link allowed(long articleId, ActingAccount by) {
        if (!by.isEditor()) {
            throw Refusal.forbidden(EDITORS_ONLY);
        }
        return link(articleId).orElseThrow(() -> Refusal.notFound(NOT_FROM_WIRE));
    }

    private Optional<Link> link(long articleId) {
        return jdbc.sql("""
                        SELECT s.article_id, s.item_id, s.version_id, s.dismissed_version_id, i.current_version_id,
                               i.pub_status
                        FROM wire_story s JOIN wire_item i ON i.id = s.item_id
                        WHERE s.article_id = :id""")
                .param("id", articleId)
                .query((rs, n) -> {
                    long dismissed = rs.getLong("dismissed_version_id");
                    Long d = rs.wasNull() ? null : dismissed;
                    return new Link(rs.getLong("article_id"), rs.getLong("item_id"), rs.getLong("version_id"), d,
                            rs.getLong("current_version_id"), rs.getString("pub_status"));
                })
                .optional();
    }

    /** The story's fields as "Use" fills them, in the editor's order. */
    private record Texts(String headline, String standfirst, String body, String dateline) {
    }

    private static Texts texts(WireQueue.Item item) {
        return new Texts(WireUse.headlineOf(item), WireUse.standfirstOf(item), WireUse.body(item), item.located());
    }

    private static Texts texts(ArticleDraft draft) {
        return new Texts(draft.headline(), draft.standfirst(), draft.body(), draft.datelinePlace());
    }

    /** Only the fields that differ, each as a word-level diff. */
    private static List<SourceUpdate.Field> fields(Texts from, Texts to) {
        List<SourceUpdate.Field> fields = new ArrayList<>();
        add(fields, "headline", "Headline", from.headline(), to.headline());
        add(fields, "standfirst", "Standfirst", from.standfirst(), to.standfirst());
        add(fields, "body", "Body", from.body(), to.body());
        add(fields, "dateline", "Dateline", from.dateline(), to.dateline());
        return fields;
    }

    private static void add(List<SourceUpdate.Field> fields, String name, String label, String from, String to) {
        if (!from.strip().equals(to.strip())) {
            fields.add(new SourceUpdate.Field(name, label, TextDiff.of(from, to)));
        }
    }

    private static String label(WireQueue.Item item) {
        return item.version().isBlank() ? "of " + item.versionCreated() : item.version();
    }
}
