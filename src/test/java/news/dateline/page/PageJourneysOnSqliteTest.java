package news.dateline.page;

import news.dateline.support.SqliteSite;

class PageJourneysOnSqliteTest extends SqliteSite implements PageJourneys {
}
