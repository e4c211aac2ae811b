package news.dateline.front;

import news.dateline.support.PostgresSite;

class FrontJourneysOnPostgresTest extends PostgresSite implements FrontJourneys {
}
