package news.dateline.feed;

import java.util.List;

/**
 * What a reader page tells search engines, social sites and feed readers in its {@code <head>}; rendered by
 * {@code feed/head.jte} from the layout.
 *
 * @param canonical  the page's one absolute address
 * @param tags       Open Graph ({@code property=}) and Twitter card ({@code name=}) tags, in order
 * @param feeds      this page's own feeds, besides the site's (which every page links)
 */
public record PageMeta(String canonical, List<MetaTag> tags, List<FeedLink> feeds, JsonLd jsonLd) {

    /** {@code <meta property="og:title" content="…">} when {@code property}, else {@code <meta name=…>}. */
    public record MetaTag(boolean property, String key, String value) {

        static MetaTag og(String key, String value) {
            return new MetaTag(true, key, value);
        }

        static MetaTag named(String key, String value) {
            return new MetaTag(false, key, value);
        }
    }
}
