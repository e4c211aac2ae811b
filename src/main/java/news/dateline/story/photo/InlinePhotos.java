package news.dateline.story.photo;

import java.util.Collection;
import java.util.Map;

/**
 * Pictures of the library placed in a story's body ({@code ![alt](media:42 "caption")}, see
 * {@link InlinePhotoExtension}). The library keeps them and story may not use it, so media implements this.
 */
public interface InlinePhotos {

    /** These library items with the sizes ready now; an id that is no item, or has no size ready, is left out. */
    Map<Long, LeadPhoto> pictures(Collection<Long> mediaIds);

    /** Changes whenever any picture in the library changes (described, sizes made, deleted): rendered bodies follow. */
    String version();
}
