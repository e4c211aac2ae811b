package news.dateline.live;

import news.dateline.support.PostgresSite;

class LiveJourneysOnPostgresTest extends PostgresSite implements LiveJourneys {
}
