package news.dateline.story;

import news.dateline.support.PostgresSite;

class EditorJourneysOnPostgresTest extends PostgresSite implements EditorJourneys {
}
