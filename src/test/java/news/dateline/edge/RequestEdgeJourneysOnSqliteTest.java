package news.dateline.edge;

import news.dateline.support.SqliteSite;

class RequestEdgeJourneysOnSqliteTest extends SqliteSite implements RequestEdgeJourneys {
}
