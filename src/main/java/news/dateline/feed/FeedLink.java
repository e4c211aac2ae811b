package news.dateline.feed;

import java.util.Arrays;
import java.util.List;

/** A {@code <link rel="alternate">} that lets browsers and feed readers find a page's feeds. */
public record FeedLink(String type, String title, String href) {

    /** The site's own feeds, linked from every page. */
    public static List<FeedLink> site(String siteName) {
        return under("", siteName);
    }

    /** The three feeds under {@code base} ({@code ""}, {@code /world}, {@code /tag/floods}). */
    static List<FeedLink> under(String base, String title) {
        return Arrays.stream(FeedFormat.values())
                .map(format -> new FeedLink(format.mediaType(), title + " (" + format.label() + ")",
                        format.pathUnder(base)))
                .toList();
    }
}
