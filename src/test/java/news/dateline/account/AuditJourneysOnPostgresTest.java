package news.dateline.account;

import news.dateline.support.PostgresSite;

class AuditJourneysOnPostgresTest extends PostgresSite implements AuditJourneys {
}
