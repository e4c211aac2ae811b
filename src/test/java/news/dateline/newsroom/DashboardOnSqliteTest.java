package news.dateline.newsroom;

import news.dateline.support.SqliteSite;

class DashboardOnSqliteTest extends SqliteSite implements DashboardJourneys {
}
