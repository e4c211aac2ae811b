package news.dateline.api;

import news.dateline.support.PostgresSite;

class ContentApiJourneysOnPostgresTest extends PostgresSite implements ContentApiJourneys {
}
