package news.dateline.newsroom;

import java.time.Instant;

/** A story on the dashboard; {@code at} is when it was last edited, is scheduled for, or was published. */
public record DashboardStory(long id, String headline, String sectionSlug, String slug, Instant at) {

    public String publicPath() {
        return "/" + sectionSlug + "/" + slug;
    }

    public String editPath() {
        return "/newsroom/articles/" + id;
    }
}
