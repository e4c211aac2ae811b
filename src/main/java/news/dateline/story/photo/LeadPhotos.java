package news.dateline.story.photo;

import java.util.Optional;

/**
 * The lead photos of stories, for reader pages. The photo library keeps them, and story (whose pages site and feed
 * draw) may not use it, so media implements this (docs/media.md, "Lead photos").
 */
public interface LeadPhotos {

    /** The story's lead photo with the sizes ready now; empty when it has none or none of its sizes is ready. */
    Optional<LeadPhoto> of(long articleId);
}
