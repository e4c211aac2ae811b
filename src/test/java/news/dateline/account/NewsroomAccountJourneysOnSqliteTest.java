package news.dateline.account;

import news.dateline.support.SqliteSite;

class NewsroomAccountJourneysOnSqliteTest extends SqliteSite implements NewsroomAccountJourneys {
}
