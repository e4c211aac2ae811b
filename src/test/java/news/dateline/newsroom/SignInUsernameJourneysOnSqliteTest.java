package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class SignInUsernameJourneysOnSqliteTest extends SqliteSite implements SignInUsernameJourneys {
}
