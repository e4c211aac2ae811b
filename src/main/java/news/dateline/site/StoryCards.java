package news.dateline.site;

import java.util.List;
import java.util.Map;
import news.dateline.platform.Moments;
import news.dateline.story.Teaser;
import news.dateline.story.photo.CardPhoto;
import news.dateline.story.photo.LeadPhotos;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

@Component
class StoryCards {

    private final Moments moments;
    private final ObjectProvider<LeadPhotos> photos;

    StoryCards(Moments moments, ObjectProvider<LeadPhotos> photos) {
        this.moments = moments;
        this.photos = photos;
    }

    StoryCard of(Teaser t) {
        return of(List.of(t)).getFirst();
    }

    /** The cards of a list, their lead photos read in one go. */
    List<StoryCard> of(List<Teaser> teasers) {
        LeadPhotos library = photos.getIfAvailable();
        Map<Long, CardPhoto> pictures = library == null || teasers.isEmpty() ? Map.of()
                : library.onCards(teasers.stream().map(Teaser::id).toList());
        return teasers.stream().map(t -> new StoryCard(t.path(), t.headline(), t.standfirst(), t.section(),
                t.authors(), moments.of(t.publishedAt()), moments.of(t.updatedAt()), pictures.get(t.id()))).toList();
    }
}
