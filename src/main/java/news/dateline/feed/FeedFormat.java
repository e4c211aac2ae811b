package news.dateline.feed;

/** The three feed formats, each at its own address under a scope: {@code /feed}, {@code /feed/atom}, {@code /feed.json}. */
public enum FeedFormat {
    RSS("application/rss+xml", "RSS", "/feed"),
    ATOM("application/atom+xml", "Atom", "/feed/atom"),
    JSON("application/feed+json", "JSON Feed", "/feed.json");

    private final String mediaType;
    private final String label;
    private final String suffix;

    FeedFormat(String mediaType, String label, String suffix) {
        this.mediaType = mediaType;
        this.label = label;
        this.suffix = suffix;
    }

    public String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    String pathUnder(String base) {
        return base + suffix;
    }
}
