package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class NewsroomAccountJourneysOnSqliteTest extends SqliteSite implements NewsroomAccountJourneys {
}
