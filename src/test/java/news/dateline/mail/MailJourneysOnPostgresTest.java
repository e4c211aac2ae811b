package news.dateline.mail;

import news.dateline.support.MailPostgresSite;

class MailJourneysOnPostgresTest extends MailPostgresSite implements MailJourneys {
}
