package news.dateline.feed;

/**
 * What a feed covers: the whole site, or one section, tag or author. Its feeds live under the scope's page:
 * {@code /world/feed}, {@code /tag/floods/feed.json}, {@code /author/amara-osei/feed/atom}.
 *
 * @param id        the section, tag or author id; 0 for the site
 * @param pagePath  the reader page the feed follows
 */
record FeedScope(Kind kind, long id, String title, String description, String pagePath) {

    enum Kind { SITE, SECTION, TAG, AUTHOR }

    String feedPath(FeedFormat format) {
        String base = pagePath.endsWith("/") ? pagePath.substring(0, pagePath.length() - 1) : pagePath;
        return format.pathUnder(base);
    }
}
