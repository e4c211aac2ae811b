package news.dateline.live;

import java.util.List;
import news.dateline.platform.Moment;

/**
 * The live part of an article page: entries newest first, and while coverage goes on the stream the page's
 * script follows ({@code streamPath}, resuming after {@code lastEntryId}).
 */
public record LiveBlog(long articleId, boolean live, Moment since, Moment ended, List<LiveEntryView> entries, String streamPath,
        String script) {

    public List<LiveEntryView> keyEvents() {
        return entries.stream().filter(LiveEntryView::keyEvent).toList();
    }

    public long lastEntryId() {
        return entries.stream().mapToLong(LiveEntryView::id).max().orElse(0);
    }
}
