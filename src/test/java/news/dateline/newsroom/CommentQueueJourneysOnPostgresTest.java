package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class CommentQueueJourneysOnPostgresTest extends PostgresSite implements CommentQueueJourneys {
}
