package news.dateline.taxonomy;

import news.dateline.support.SqliteSite;

class ProfileJourneysOnSqliteTest extends SqliteSite implements ProfileJourneys {
}
