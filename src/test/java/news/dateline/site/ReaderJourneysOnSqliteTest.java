package news.dateline.site;

import news.dateline.support.SqliteSite;

class ReaderJourneysOnSqliteTest extends SqliteSite implements ReaderJourneys {
}
