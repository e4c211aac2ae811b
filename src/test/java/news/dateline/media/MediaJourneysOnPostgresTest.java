package news.dateline.media;

import news.dateline.support.PostgresSite;

class MediaJourneysOnPostgresTest extends PostgresSite implements MediaJourneys {
}
