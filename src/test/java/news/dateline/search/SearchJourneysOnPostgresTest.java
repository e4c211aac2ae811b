package news.dateline.search;

import news.dateline.support.PostgresSite;

class SearchJourneysOnPostgresTest extends PostgresSite implements SearchJourneys {
}
