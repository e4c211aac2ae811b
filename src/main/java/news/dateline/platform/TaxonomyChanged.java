package news.dateline.platform;

/**
 * Sections or tags changed (added, renamed, reordered, merged, deleted). Every reader page shows the section
 * navigation or tag names, so the page cache drops everything. Articles whose indexed section or tags changed get
 * an {@link ArticleChanged} of their own as well.
 */
public record TaxonomyChanged(String kind) {
}
