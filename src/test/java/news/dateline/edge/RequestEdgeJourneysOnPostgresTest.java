package news.dateline.edge;

import news.dateline.support.PostgresSite;

class RequestEdgeJourneysOnPostgresTest extends PostgresSite implements RequestEdgeJourneys {
}
