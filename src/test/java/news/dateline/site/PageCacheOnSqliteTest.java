package news.dateline.site;

import news.dateline.support.SqliteSite;

class PageCacheOnSqliteTest extends SqliteSite implements PageCacheJourneys {
}
