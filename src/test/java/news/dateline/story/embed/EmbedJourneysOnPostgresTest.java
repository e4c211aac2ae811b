package news.dateline.story.embed;

import news.dateline.support.PostgresSite;

class EmbedJourneysOnPostgresTest extends PostgresSite implements EmbedJourneys {
}
