package news.dateline.feed;

class PageMetadataJourneysOnSqliteTest extends FeedSqliteSite implements PageMetadataJourneys {
}
