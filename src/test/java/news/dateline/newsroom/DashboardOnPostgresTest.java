package news.dateline.newsroom;

import news.dateline.support.PostgresSite;

class DashboardOnPostgresTest extends PostgresSite implements DashboardJourneys {
}
