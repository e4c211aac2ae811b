package news.dateline.platform.cache;

import news.dateline.support.SqliteSite;

class PageCacheOnSqliteTest extends SqliteSite implements PageCacheJourneys {
}
