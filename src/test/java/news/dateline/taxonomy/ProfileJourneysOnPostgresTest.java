package news.dateline.taxonomy;

import news.dateline.support.PostgresSite;

class ProfileJourneysOnPostgresTest extends PostgresSite implements ProfileJourneys {
}
