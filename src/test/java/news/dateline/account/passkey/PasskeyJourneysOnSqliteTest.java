package news.dateline.account.passkey;

import news.dateline.support.SqliteSite;

class PasskeyJourneysOnSqliteTest extends SqliteSite implements PasskeyJourneys {
}
