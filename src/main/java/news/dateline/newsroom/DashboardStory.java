package news.dateline.newsroom;

import java.time.Instant;
import news.dateline.platform.Slugs;

/** A story on the dashboard; {@code at} is when it was last edited, is scheduled for, or was published. */
public record DashboardStory(long id, String headline, String sectionSlug, String slug, Instant at) {

    public String publicPath() {
        return Slugs.inUrl("/" + sectionSlug + "/" + slug);
    }

    public String editPath() {
        return "/newsroom/articles/" + id;
    }
}
