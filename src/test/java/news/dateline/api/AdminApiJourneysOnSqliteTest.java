package news.dateline.api;

import news.dateline.support.SqliteSite;

class AdminApiJourneysOnSqliteTest extends SqliteSite implements AdminApiJourneys {
}
