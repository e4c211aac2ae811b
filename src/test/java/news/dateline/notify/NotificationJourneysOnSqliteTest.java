package news.dateline.notify;

import news.dateline.support.MailSqliteSite;

class NotificationJourneysOnSqliteTest extends MailSqliteSite implements NotificationJourneys {
}
