package news.dateline.edge;

import news.dateline.support.NoProxyPostgresSite;

class NoProxyJourneysOnPostgresTest extends NoProxyPostgresSite implements NoProxyJourneys {
}
