package news.dateline.platform.cache;

import news.dateline.support.PostgresSite;

class PageCacheOnPostgresTest extends PostgresSite implements PageCacheJourneys {
}
