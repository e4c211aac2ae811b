package news.dateline.story;

import news.dateline.support.SqliteSite;

class EditorJourneysOnSqliteTest extends SqliteSite implements EditorJourneys {
}
