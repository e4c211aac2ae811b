package news.dateline.comment;

import news.dateline.support.SqliteSite;

class CommentJourneysOnSqliteTest extends SqliteSite implements CommentJourneys {
}
