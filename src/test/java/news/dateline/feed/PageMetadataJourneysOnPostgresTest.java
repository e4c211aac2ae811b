package news.dateline.feed;

class PageMetadataJourneysOnPostgresTest extends FeedPostgresSite implements PageMetadataJourneys {
}
