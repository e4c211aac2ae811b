package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class SectionsAndTagsJourneysOnSqliteTest extends SqliteSite implements SectionsAndTagsJourneys {
}
