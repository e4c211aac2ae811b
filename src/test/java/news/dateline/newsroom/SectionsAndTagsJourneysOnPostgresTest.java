package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class SectionsAndTagsJourneysOnPostgresTest extends PostgresSite implements SectionsAndTagsJourneys {
}
