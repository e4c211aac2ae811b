package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class LiveJourneysOnPostgresTest extends PostgresSite implements LiveJourneys {
}
