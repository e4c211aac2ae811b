package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class CommentQueueJourneysOnSqliteTest extends SqliteSite implements CommentQueueJourneys {
}
