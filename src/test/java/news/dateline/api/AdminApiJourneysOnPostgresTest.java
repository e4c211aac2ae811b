package news.dateline.api;

import news.dateline.support.PostgresSite;

class AdminApiJourneysOnPostgresTest extends PostgresSite implements AdminApiJourneys {
}
