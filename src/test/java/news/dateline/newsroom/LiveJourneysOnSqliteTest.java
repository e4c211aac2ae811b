package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class LiveJourneysOnSqliteTest extends SqliteSite implements LiveJourneys {
}
