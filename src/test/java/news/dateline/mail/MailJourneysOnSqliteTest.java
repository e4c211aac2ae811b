package news.dateline.mail;

import news.dateline.support.MailSqliteSite;

class MailJourneysOnSqliteTest extends MailSqliteSite implements MailJourneys {
}
