package news.dateline.account.email;

import news.dateline.support.MailSqliteSite;

class EmailAddressJourneysOnSqliteTest extends MailSqliteSite implements EmailAddressJourneys {
}
