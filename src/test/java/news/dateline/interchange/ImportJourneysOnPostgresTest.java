package news.dateline.interchange;

import news.dateline.support.PostgresSite;

class ImportJourneysOnPostgresTest extends PostgresSite implements ImportJourneys {
}
