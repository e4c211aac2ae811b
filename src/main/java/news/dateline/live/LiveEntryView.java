package news.dateline.live;

import news.dateline.platform.Moment;

/**
 * A live entry as the page shows it: {@code html} is rendered Markdown with any raw HTML escaped; {@code summary}
 * its words (key events), {@code headline} its first sentence as plain text (JSON-LD).
 */
public record LiveEntryView(long id, Moment at, boolean edited, boolean keyEvent, String html, String summary,
        String headline) {

    public String anchor() {
        return "live-" + id;
    }
}
