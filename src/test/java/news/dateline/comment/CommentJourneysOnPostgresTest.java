package news.dateline.comment;

import news.dateline.support.PostgresSite;

class CommentJourneysOnPostgresTest extends PostgresSite implements CommentJourneys {
}
