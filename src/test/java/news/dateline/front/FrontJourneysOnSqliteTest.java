package news.dateline.front;

import news.dateline.support.SqliteSite;

class FrontJourneysOnSqliteTest extends SqliteSite implements FrontJourneys {
}
