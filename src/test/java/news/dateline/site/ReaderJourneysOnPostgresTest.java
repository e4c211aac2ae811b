package news.dateline.site;

import news.dateline.support.PostgresSite;

class ReaderJourneysOnPostgresTest extends PostgresSite implements ReaderJourneys {
}
