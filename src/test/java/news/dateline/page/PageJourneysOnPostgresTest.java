package news.dateline.page;

import news.dateline.support.PostgresSite;

class PageJourneysOnPostgresTest extends PostgresSite implements PageJourneys {
}
