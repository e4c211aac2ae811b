package news.dateline.live;

import news.dateline.support.SqliteSite;

class LiveJourneysOnSqliteTest extends SqliteSite implements LiveJourneys {
}
