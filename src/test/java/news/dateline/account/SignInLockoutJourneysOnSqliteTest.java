package news.dateline.account;

import news.dateline.support.SqliteSite;

class SignInLockoutJourneysOnSqliteTest extends SqliteSite implements SignInLockoutJourneys {
}
