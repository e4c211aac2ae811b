package news.dateline.site;

import news.dateline.support.PostgresSite;

class PageCacheOnPostgresTest extends PostgresSite implements PageCacheJourneys {
}
