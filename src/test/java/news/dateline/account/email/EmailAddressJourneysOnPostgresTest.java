package news.dateline.account.email;

import news.dateline.support.MailPostgresSite;

class EmailAddressJourneysOnPostgresTest extends MailPostgresSite implements EmailAddressJourneys {
}
