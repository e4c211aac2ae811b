package news.dateline.edge;

import news.dateline.support.NoProxySqliteSite;

class NoProxyJourneysOnSqliteTest extends NoProxySqliteSite implements NoProxyJourneys {
}
