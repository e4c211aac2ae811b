package news.dateline.feed;

class FeedJourneysOnPostgresTest extends FeedPostgresSite implements FeedJourneys {
}
