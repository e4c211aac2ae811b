package news.dateline.wire;

import java.util.List;
import news.dateline.platform.Moments;
import news.dateline.taxonomy.Section;

/**
 * The wire desk as the template shows it: the queue (newest first) under its filters, the providers with their
 * error counts, and, when one is open, an item's preview with the "Use" form.
 */
public record WireDeskPage(List<WireQueue.Line> lines, WireQueue.Filter filter, List<WireQueue.ProviderLine> providers,
        Preview preview, List<Section> sections, Moments moments) {

    /** The open item: its fields and its body as paragraphs of plain text (agency HTML is never shown as HTML). */
    public record Preview(WireQueue.Item item, List<String> paragraphs, Long storyId) {
    }

    public static String urgencyLabel(Integer urgency) {
        if (urgency == null) {
            return "";
        }
        return switch (urgency) {
            case 1 -> "1 flash";
            case 2 -> "2 alert";
            case 3 -> "3 urgent";
            default -> urgency.toString();
        };
    }

    /** The status column: killed, withheld, update available (a newer version than a story's), used, or new. */
    public String status(WireQueue.Line line) {
        if (line.pubStatus().equals("canceled")) {
            return "killed";
        }
        if (line.pubStatus().equals("withheld")) {
            return "withheld";
        }
        if (line.updateAvailable()) {
            return "update available";
        }
        return line.storyId() != null ? "used" : "new";
    }

    /** Whether the queue is narrowed by a filter: then pushed items are announced but not added as rows. */
    public boolean filtered() {
        return !filter.q().isEmpty() || !filter.subject().isEmpty() || filter.provider() != null
                || filter.urgency() != null;
    }

    public String when(java.time.Instant instant) {
        return instant == null ? "" : moments.of(instant).human();
    }

    /** The queue's address with these filters and this item open. */
    public String link(long itemId) {
        StringBuilder href = new StringBuilder("/newsroom/wire?item=").append(itemId);
        if (filter.provider() != null) {
            href.append("&provider=").append(filter.provider());
        }
        if (filter.urgency() != null) {
            href.append("&urgency=").append(filter.urgency());
        }
        if (!filter.subject().isEmpty()) {
            href.append("&subject=").append(java.net.URLEncoder.encode(filter.subject(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!filter.q().isEmpty()) {
            href.append("&q=").append(java.net.URLEncoder.encode(filter.q(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return href.toString();
    }
}
