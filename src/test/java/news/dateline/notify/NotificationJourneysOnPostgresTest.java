package news.dateline.notify;

import news.dateline.support.MailPostgresSite;

class NotificationJourneysOnPostgresTest extends MailPostgresSite implements NotificationJourneys {
}
