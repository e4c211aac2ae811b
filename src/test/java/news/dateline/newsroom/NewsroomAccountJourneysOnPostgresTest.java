package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class NewsroomAccountJourneysOnPostgresTest extends PostgresSite implements NewsroomAccountJourneys {
}
