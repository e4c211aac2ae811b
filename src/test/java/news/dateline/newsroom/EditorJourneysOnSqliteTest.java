package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class EditorJourneysOnSqliteTest extends SqliteSite implements EditorJourneys {
}
