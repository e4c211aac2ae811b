package news.dateline.story.photo;

import java.util.Collection;
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
     * The lead photos of these stories as their cards show them, in one read for a whole list; a story without one
     * (or with none of its card sizes ready) is not in the answer.
     */
    Map<Long, CardPhoto> onCards(Collection<Long> articleIds);
}
