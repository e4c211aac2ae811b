package news.dateline.media;

import news.dateline.support.SqliteSite;

class MediaJourneysOnSqliteTest extends SqliteSite implements MediaJourneys {
}
