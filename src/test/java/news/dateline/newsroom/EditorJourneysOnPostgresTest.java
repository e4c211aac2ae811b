package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class EditorJourneysOnPostgresTest extends PostgresSite implements EditorJourneys {
}
