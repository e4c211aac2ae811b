package news.dateline.account;

import news.dateline.support.SqliteSite;

class AuditJourneysOnSqliteTest extends SqliteSite implements AuditJourneys {
}
