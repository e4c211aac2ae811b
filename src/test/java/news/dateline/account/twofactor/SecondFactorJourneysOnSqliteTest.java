package news.dateline.account.twofactor;

import news.dateline.support.SqliteSite;

class SecondFactorJourneysOnSqliteTest extends SqliteSite implements SecondFactorJourneys {
}
