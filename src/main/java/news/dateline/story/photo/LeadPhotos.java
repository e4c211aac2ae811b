package news.dateline.story.photo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead photos of stories, for reader pages. The photo library keeps them, and story (whose pages site and feed
 * draw) may not use it, so media implements this (docs/media.md, "Lead photos").
 */
public interface LeadPhotos {

    /** The story's lead photo with the sizes ready now; empty when it has none or none of its sizes is ready. */
    Optional<LeadPhoto> of(long articleId);

    /**
     * The lead photos of these stories as {@link #of(long)} gives one, in one read for a whole list (the content
     * API's pages); a story without one (or with none of its sizes ready) is not in the answer.
     */
    Map<Long, LeadPhoto> ofAll(Collection<Long> articleIds);

    /**
     * The lead photos of these stories as their cards show them, in one read for a whole list; a story without one
     * (or with none of its card sizes ready) is not in the answer.
     */
    Map<Long, CardPhoto> onCards(Collection<Long> articleIds);

    /** The lead photos of these stories as feeds and sitemaps name them; a story without one is not in the answer. */
    Map<Long, FeedPhoto> inFeeds(Collection<Long> articleIds);

    /** Every picture these stories show, the lead photo first, then those in the text: for the image sitemap. */
    Map<Long, List<FeedPhoto>> inSitemaps(Collection<Long> articleIds);

    /**
     * Changes whenever a story's lead photo is chosen, changed or taken off, or such a photo is described again or
     * gets its sizes: feeds and sitemaps put it in their ETags, as a story's own change is.
     */
    String version();
}
