package news.dateline.api;

import news.dateline.support.SqliteSite;

class ContentApiJourneysOnSqliteTest extends SqliteSite implements ContentApiJourneys {
}
