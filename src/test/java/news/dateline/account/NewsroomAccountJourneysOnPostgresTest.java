package news.dateline.account;

import news.dateline.support.PostgresSite;

class NewsroomAccountJourneysOnPostgresTest extends PostgresSite implements NewsroomAccountJourneys {
}
