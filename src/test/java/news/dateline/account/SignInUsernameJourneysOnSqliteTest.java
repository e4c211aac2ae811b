package news.dateline.account;

import news.dateline.support.SqliteSite;

class SignInUsernameJourneysOnSqliteTest extends SqliteSite implements SignInUsernameJourneys {
}
