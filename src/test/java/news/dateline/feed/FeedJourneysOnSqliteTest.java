package news.dateline.feed;

class FeedJourneysOnSqliteTest extends FeedSqliteSite implements FeedJourneys {
}
