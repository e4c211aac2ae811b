package news.dateline.taxonomy;

import news.dateline.support.PostgresSite;

class SectionsAndTagsJourneysOnPostgresTest extends PostgresSite implements SectionsAndTagsJourneys {
}
