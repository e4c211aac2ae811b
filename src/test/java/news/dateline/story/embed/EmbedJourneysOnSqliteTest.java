package news.dateline.story.embed;

import news.dateline.support.SqliteSite;

class EmbedJourneysOnSqliteTest extends SqliteSite implements EmbedJourneys {
}
