package news.dateline.moderation;

import news.dateline.support.SqliteSite;

class CommentQueueJourneysOnSqliteTest extends SqliteSite implements CommentQueueJourneys {
}
