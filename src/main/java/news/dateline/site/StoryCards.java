package news.dateline.site;

import java.util.List;
import news.dateline.platform.Moments;
import news.dateline.story.Teaser;
import org.springframework.stereotype.Component;

@Component
class StoryCards {

    private final Moments moments;

    StoryCards(Moments moments) {
        this.moments = moments;
    }

    StoryCard of(Teaser t) {
        return new StoryCard(t.path(), t.headline(), t.standfirst(), t.section(), t.authors(),
                moments.of(t.publishedAt()), moments.of(t.updatedAt()));
    }

    List<StoryCard> of(List<Teaser> teasers) {
        return teasers.stream().map(this::of).toList();
    }
}
