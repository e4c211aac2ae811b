package news.dateline.feed;

class SitemapJourneysOnPostgresTest extends FeedPostgresSite implements SitemapJourneys {
}
