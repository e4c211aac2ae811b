package news.dateline.taxonomy;

import news.dateline.support.SqliteSite;

class SectionsAndTagsJourneysOnSqliteTest extends SqliteSite implements SectionsAndTagsJourneys {
}
