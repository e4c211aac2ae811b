package news.dateline.search;

import news.dateline.support.SqliteSite;

class SearchJourneysOnSqliteTest extends SqliteSite implements SearchJourneys {
}
