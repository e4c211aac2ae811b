package news.dateline.live;

import news.dateline.platform.Moment;

/** A live entry as the page shows it: {@code html} is rendered Markdown with any raw HTML escaped. */
public record LiveEntryView(long id, Moment at, boolean edited, boolean keyEvent, String html, String summary) {

    public String anchor() {
        return "live-" + id;
    }
}
