package news.dateline.platform.change;

import java.util.List;

/**
 * Something a reader, an index or another node must learn about, recorded by {@link ChangeLog#record} in the
 * transaction that makes it. Listeners switch on the type; each row of {@code change_log} carries what is needed
 * to rebuild the same change on another node ({@link #fromRow}).
 */
public sealed interface Change
        permits StoryChanged, StoriesImported, LiveEntryChanged, CommentsChanged, TaxonomyChanged, SiteChanged,
        SiteContentChanged {

    /** The rows this change writes: one per article it names, or one with no article for a site-wide change. */
    List<ChangeRow> rows();

    /** The change a stored row stands for, as the node that wrote it published it (an import: one per story). */
    static Change fromRow(ChangeRow row) {
        if (row.kind().equals(CommentsChanged.CODE)) {
            return new CommentsChanged(row.articleId());
        }
        if (row.kind().equals(StoriesImported.CODE)) {
            return new StoriesImported(List.of(row.articleId()));
        }
        LiveEntryChanged.Kind entry = LiveEntryChanged.Kind.fromCode(row.kind());
        if (entry != null) {
            return new LiveEntryChanged(row.articleId(), row.entryId() == null ? 0 : row.entryId(), entry);
        }
        SiteChanged.Kind site = SiteChanged.Kind.fromCode(row.kind());
        if (site != null) {
            return new SiteChanged(site);
        }
        SiteContentChanged.Kind content = row.articleId() == null ? SiteContentChanged.Kind.fromCode(row.kind()) : null;
        if (content != null) {
            return new SiteContentChanged(content);
        }
        if (row.articleId() == null) {
            return new TaxonomyChanged(TaxonomyChanged.Kind.fromCode(row.kind()));
        }
        return new StoryChanged(row.articleId(), StoryChanged.Kind.fromCode(row.kind()));
    }
}
