package news.dateline.feed;

class SitemapJourneysOnSqliteTest extends FeedSqliteSite implements SitemapJourneys {
}
