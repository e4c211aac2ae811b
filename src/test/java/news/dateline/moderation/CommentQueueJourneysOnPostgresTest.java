package news.dateline.moderation;

import news.dateline.support.PostgresSite;

class CommentQueueJourneysOnPostgresTest extends PostgresSite implements CommentQueueJourneys {
}
