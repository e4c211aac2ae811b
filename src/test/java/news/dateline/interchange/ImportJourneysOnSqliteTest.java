package news.dateline.interchange;

import news.dateline.support.SqliteSite;

class ImportJourneysOnSqliteTest extends SqliteSite implements ImportJourneys {
}
